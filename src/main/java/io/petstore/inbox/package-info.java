/**
 * The Inboxes Developer API under {@code /v2} (next to the classic petstore, which it shares):
 * {@code api_key} keys that classic users create and revoke ({@code /v2/apikey}), domains proven by
 * a DNS TXT record ({@code /v2/domain}), inboxes on validated domains ({@code /v2/inbox}) and the
 * mail they receive through the SMTP listener ({@code /v2/inbox/{id}/message}). Owns the
 * {@code inbox_*} tables. Classic users are known only through {@link io.petstore.classic.ClassicAccounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inboxes Developer API")
package io.petstore.inbox;
