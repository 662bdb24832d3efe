/**
 * The pet-care advisor: {@code POST /v1/chat/completions} and {@link io.petstore.advisor.PetAdvisor}
 * for the other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pet-care advisor (chat completions)")
package io.petstore.advisor;
