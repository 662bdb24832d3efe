package io.petstore.soap;

import java.util.Map;

import javax.xml.transform.Source;

import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;

import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetStatus;
import io.petstore.soap.xml.GetInventoryRequest;
import io.petstore.soap.xml.GetInventoryResponse;
import io.petstore.soap.xml.SpeciesCount;

/** GetInventory: what {@code GET /v1/inventory} answers (store.InventoryController), from the catalog's counts. */
@Endpoint
class InventorySoapEndpoint {

	private final SoapCalls calls;

	private final PetCatalog catalog;

	InventorySoapEndpoint(SoapCalls calls, PetCatalog catalog) {
		this.calls = calls;
		this.catalog = catalog;
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "GetInventoryRequest")
	@ResponsePayload
	GetInventoryResponse getInventory(@RequestPayload Source payload) {
		return calls.run("GetInventory", payload, GetInventoryRequest.class, (call, request) -> {
			Map<PetStatus, Long> counts = catalog.inventoryByStatus(call);
			GetInventoryResponse response = new GetInventoryResponse();
			response.setAvailable(counts.getOrDefault(PetStatus.AVAILABLE, 0L));
			response.setPending(counts.getOrDefault(PetStatus.PENDING, 0L));
			response.setAdopted(counts.getOrDefault(PetStatus.ADOPTED, 0L));
			response.setNotAvailable(counts.getOrDefault(PetStatus.NOT_AVAILABLE, 0L));
			response.setTotal(counts.values().stream().mapToLong(Long::longValue).sum());
			catalog.inventoryBySpecies(call).forEach((species, count) -> {
				SpeciesCount entry = new SpeciesCount();
				entry.setSpecies(species.name());
				entry.setCount(count);
				response.getBySpecies().add(entry);
			});
			return response;
		});
	}

}
