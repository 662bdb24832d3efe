/**
 * The Modern Pet Store's catalog: pets (UUIDv7 ids, price and currency, medical info, photos) and
 * their uploaded images, under {@code /v1/pets}. Owns {@code catalog_*}. Other modules use
 * {@link io.petstore.catalog.PetCatalog}: the store reserves, releases and adopts pets through it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog (modern pets)")
package io.petstore.catalog;
