package io.petstore.grpc;

import java.util.Map;

import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetStatus;
import io.petstore.grpc.v1.GetInventoryRequest;
import io.petstore.grpc.v1.Inventory;
import io.petstore.grpc.v1.InventoryServiceGrpc;

/** {@code petstore.v1.InventoryService}: the catalog's counts, as REST's {@code GET /v1/inventory}. */
@GrpcService
class InventoryGrpcService implements InventoryServiceGrpc.AsyncService, io.grpc.BindableService {

	private final PetCatalog catalog;

	InventoryGrpcService(PetCatalog catalog) {
		this.catalog = catalog;
	}

	/** The service's definition, with malformed requests answered INVALID_ARGUMENT ({@link MalformedMessages}). */
	@Override
	public io.grpc.ServerServiceDefinition bindService() {
		return MalformedMessages.guarded(InventoryServiceGrpc.bindService(this));
	}

	@Override
	public void getInventory(GetInventoryRequest request, StreamObserver<Inventory> response) {
		Calls.unary(response, call -> {
			Map<PetStatus, Long> counts = catalog.inventoryByStatus(call);
			Inventory.Builder out = Inventory.newBuilder()
				.setAvailable(counts.getOrDefault(PetStatus.AVAILABLE, 0L))
				.setPending(counts.getOrDefault(PetStatus.PENDING, 0L))
				.setAdopted(counts.getOrDefault(PetStatus.ADOPTED, 0L))
				.setNotAvailable(counts.getOrDefault(PetStatus.NOT_AVAILABLE, 0L))
				.setTotal(counts.values().stream().mapToLong(Long::longValue).sum());
			catalog.inventoryBySpecies(call).forEach((species, n) -> out.putBySpecies(species.name(), n));
			return out.build();
		});
	}

}
