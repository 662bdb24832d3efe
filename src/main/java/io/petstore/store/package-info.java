/**
 * The Modern Pet Store's store: orders ({@code /v1/orders}) and inventory ({@code /v1/inventories},
 * {@code /v1/inventory}). Owns {@code store_order}. Reserves, releases and adopts pets through the
 * catalog's API; publishes {@link io.petstore.store.OrderStatusChanged} for every transition.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Store (modern orders, inventory)")
package io.petstore.store;
