package io.petstore.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;
import io.petstore.auth.CallContext;
import io.petstore.v1.DomainException;

/**
 * {@code GET /v1/inventories} (pet counts by status, optionally only some statuses) and
 * {@code GET /v1/inventory} (the aggregate: each status, the total, and counts by species).
 */
@RestController
class InventoryController {

	record Inventory(long available, long pending, long adopted, long notAvailable, long total, Map<Species, Long> bySpecies) {
	}

	private final PetCatalog catalog;

	InventoryController(PetCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping(path = "/v1/inventories", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<PetStatus, Long> getInventory(CallContext call, @RequestParam(required = false) String status) {
		Set<PetStatus> wanted = statuses(status);
		Map<PetStatus, Long> counts = new LinkedHashMap<>();
		catalog.inventoryByStatus(call).forEach((s, n) -> {
			if (wanted == null || wanted.contains(s)) {
				counts.put(s, n);
			}
		});
		return counts;
	}

	@GetMapping(path = "/v1/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
	Inventory getStoreInventory(CallContext call) {
		Map<PetStatus, Long> counts = catalog.inventoryByStatus(call);
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		return new Inventory(counts.get(PetStatus.AVAILABLE), counts.get(PetStatus.PENDING), counts.get(PetStatus.ADOPTED),
				counts.get(PetStatus.NOT_AVAILABLE), total, catalog.inventoryBySpecies(call));
	}

	private static Set<PetStatus> statuses(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		Set<PetStatus> values = new java.util.LinkedHashSet<>();
		for (String part : raw.split(",")) {
			try {
				values.add(PetStatus.valueOf(part.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.badRequest("Invalid value for parameter 'status'. Must be one of: AVAILABLE, PENDING, ADOPTED, NOT_AVAILABLE.");
			}
		}
		return values;
	}

}
