package io.petstore.grpc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.Empty;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.grpc.server.service.GrpcService;

import io.petstore.auth.CallContexts;
import io.petstore.catalog.Gender;
import io.petstore.catalog.MedicalInfo;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetFilter;
import io.petstore.catalog.PetInput;
import io.petstore.catalog.PetSize;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.PetStatusChanged;
import io.petstore.catalog.Species;
import io.petstore.grpc.v1.BulkCreatePetsRequest;
import io.petstore.grpc.v1.BulkCreatePetsResponse;
import io.petstore.grpc.v1.CreatePetRequest;
import io.petstore.grpc.v1.DeletePetRequest;
import io.petstore.grpc.v1.GetPetRequest;
import io.petstore.grpc.v1.ListPetsRequest;
import io.petstore.grpc.v1.ListPetsResponse;
import io.petstore.grpc.v1.Pagination;
import io.petstore.grpc.v1.PetEvent;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.grpc.v1.UpdatePetRequest;
import io.petstore.grpc.v1.WatchPetsRequest;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/** {@code petstore.v1.PetService} over {@link PetCatalog}: the rules (write:pets, tenant) are the catalog's. */
@GrpcService
class PetGrpcService implements PetServiceGrpc.AsyncService, io.grpc.BindableService {

	/** The most pets one BulkCreatePets stream may carry. */
	static final int MAX_BULK = 100;

	private final PetCatalog catalog;

	private final LiveEvents live;

	private final InputValidation validation;

	private final CallContexts contexts;

	PetGrpcService(PetCatalog catalog, LiveEvents live, InputValidation validation, CallContexts contexts) {
		this.catalog = catalog;
		this.live = live;
		this.validation = validation;
		this.contexts = contexts;
	}

	/** The service's definition, with malformed requests answered INVALID_ARGUMENT ({@link MalformedMessages}). */
	@Override
	public io.grpc.ServerServiceDefinition bindService() {
		return MalformedMessages.guarded(PetServiceGrpc.bindService(this));
	}

	@Override
	public void getPet(GetPetRequest request, StreamObserver<io.petstore.grpc.v1.Pet> response) {
		Calls.unary(response, call -> toWire(catalog.get(call.tenant(), Wire.id(request.getId(), "id"))));
	}

	@Override
	public void listPets(ListPetsRequest request, StreamObserver<ListPetsResponse> response) {
		Calls.unary(response, call -> {
			List<FieldIssue> issues = new ArrayList<>();
			Species species = Wire.fromWire(request.getSpecies(), request.getSpeciesValue(), "SPECIES_", Species.class, "species", issues);
			PetStatus status = Wire.fromWire(request.getStatus(), request.getStatusValue(), "STATUS_", PetStatus.class, "status", issues);
			PetSize size = Wire.fromWire(request.getSize(), request.getSizeValue(), "SIZE_", PetSize.class, "size", issues);
			if (!issues.isEmpty()) {
				throw DomainException.invalid(issues);
			}
			Integer ageMin = request.hasAgeMin() ? nonNegative("age_min", request.getAgeMin()) : null;
			Integer ageMax = request.hasAgeMax() ? nonNegative("age_max", request.getAgeMax()) : null;
			PetFilter filter = new PetFilter(Wire.only(species), status == null ? EnumSet.of(PetStatus.AVAILABLE) : Set.of(status),
					ageMin, ageMax, Wire.only(size), request.hasGoodWithKids() ? request.getGoodWithKids() : null, null, null,
					null, null, false);
			PageResult<Pet> page = catalog.find(call.tenant(), filter, PageRequest.of(request.getPage() == 0 ? null : request.getPage(),
					request.getLimit() == 0 ? null : request.getLimit()));
			ListPetsResponse.Builder out = ListPetsResponse.newBuilder();
			page.data().forEach(pet -> out.addPets(toWire(pet)));
			out.setPagination(Pagination.newBuilder()
				.setPage(page.pagination().page())
				.setLimit(page.pagination().limit())
				.setTotalItems(page.pagination().totalItems())
				.setTotalPages(page.pagination().totalPages()));
			return out.build();
		});
	}

	@Override
	public void createPet(CreatePetRequest request, StreamObserver<io.petstore.grpc.v1.Pet> response) {
		Calls.unary(response, call -> {
			Calls.requireToken(call);
			List<FieldIssue> issues = new ArrayList<>();
			PetInput input = toInput(request.getPet(), issues, "");
			return toWire(catalog.create(call, validation.valid(input, issues)));
		});
	}

	@Override
	public void updatePet(UpdatePetRequest request, StreamObserver<io.petstore.grpc.v1.Pet> response) {
		Calls.unary(response, call -> {
			Calls.requireToken(call);
			UUID id = Wire.id(request.getId(), "id");
			List<FieldIssue> issues = new ArrayList<>();
			PetInput input = toInput(request.getPet(), issues, "");
			if (!request.getPet().getId().isEmpty() && !request.getPet().getId().equalsIgnoreCase(id.toString())) {
				throw DomainException.invalid("id", "does not match the id of the request", "mismatch");
			}
			return toWire(catalog.replace(call, id, validation.valid(input, issues)));
		});
	}

	@Override
	public void deletePet(DeletePetRequest request, StreamObserver<Empty> response) {
		Calls.unary(response, call -> {
			catalog.delete(call, Wire.id(request.getId(), "id"));
			return Empty.getDefaultInstance();
		});
	}

	@Override
	public void watchPets(WatchPetsRequest request, StreamObserver<PetEvent> response) {
		ServerCallStreamObserver<PetEvent> out = (ServerCallStreamObserver<PetEvent>) response;
		Disposable.Swap subscription = Disposables.swap();
		out.setOnCancelHandler(subscription::dispose);
		List<FieldIssue> issues = new ArrayList<>();
		Species species = Wire.fromWire(request.getSpecies(), request.getSpeciesValue(), "SPECIES_", Species.class, "species", issues);
		if (!issues.isEmpty()) {
			out.onError(GrpcErrors.toStatus(DomainException.invalid(issues)));
			return;
		}
		GrpcCall call = GrpcCall.current();
		Tenant tenant = call.context().tenant();
		UUID user = call.context().userId();
		Context.current().addListener(cancelled -> subscription.dispose(), Runnable::run);
		subscription.update(live.events()
			.filter(event -> LiveEvent.PET_STATUS.equals(event.topic()) && event.visibleTo(tenant, user))
			.map(event -> (PetStatusChanged) event.payload())
			.filter(change -> species == null || change.pet().species() == species)
			.subscribe(change -> {
				synchronized (out) {
					if (!out.isCancelled()) {
						out.onNext(PetEvent.newBuilder()
							.setPet(toWire(change.pet()))
							.setPreviousStatus(status(change.from()))
							.setNewStatus(status(change.to()))
							.build());
					}
				}
			}));
	}

	@Override
	public StreamObserver<BulkCreatePetsRequest> bulkCreatePets(StreamObserver<BulkCreatePetsResponse> response) {
		GrpcCall call = GrpcCall.current();
		Context context = Context.current();
		List<PetInput> inputs = new ArrayList<>();
		List<FieldIssue> issues = new ArrayList<>();
		return new StreamObserver<>() {

			private boolean failed;

			@Override
			public void onNext(BulkCreatePetsRequest request) {
				if (failed) {
					return;
				}
				try {
					Calls.requireToken(call.context());
					if (!inputs.isEmpty()) {
						contexts.count(call.context(), call.bearerToken());
					}
					if (inputs.size() >= MAX_BULK) {
						throw DomainException.badRequest("At most " + MAX_BULK + " pets per BulkCreatePets call.");
					}
					String prefix = "[" + inputs.size() + "].";
					List<FieldIssue> unknown = new ArrayList<>();
					PetInput input = toInput(request.getPet(), unknown, prefix);
					Set<String> named = new java.util.HashSet<>();
					unknown.forEach(issue -> named.add(issue.field()));
					issues.addAll(unknown);
					validation.issues(input, prefix).stream().filter(issue -> !named.contains(issue.field())).forEach(issues::add);
					inputs.add(input);
				}
				catch (RuntimeException refused) {
					failed = true;
					response.onError(GrpcErrors.toStatus(refused));
				}
			}

			@Override
			public void onError(Throwable cancelled) {
				failed = true;
			}

			@Override
			public void onCompleted() {
				if (failed) {
					return;
				}
				try {
					if (!issues.isEmpty()) {
						throw DomainException.invalid(issues);
					}
					BulkCreatePetsResponse.Builder out = BulkCreatePetsResponse.newBuilder();
					for (PetInput input : inputs) {
						Calls.requireLive(context);
						out.addPets(toWire(Calls.within(call, ctx -> catalog.create(ctx, input))));
					}
					response.onNext(out.build());
					response.onCompleted();
				}
				catch (RuntimeException refused) {
					response.onError(GrpcErrors.toStatus(refused));
				}
			}

		};
	}

	private static int nonNegative(String name, int value) {
		if (value < 0) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "': must be 0 or more.");
		}
		return value;
	}

	/** The catalog's input record of a proto pet; its output-only fields are ignored, unknown enum numbers noted. */
	static PetInput toInput(io.petstore.grpc.v1.Pet pet, List<FieldIssue> issues, String prefix) {
		MedicalInfo medical = pet.hasMedicalInfo() ? new MedicalInfo(
				pet.getMedicalInfo().hasVaccinated() ? pet.getMedicalInfo().getVaccinated() : null,
				pet.getMedicalInfo().hasSpayedNeutered() ? pet.getMedicalInfo().getSpayedNeutered() : null,
				pet.getMedicalInfo().hasMicrochipped() ? pet.getMedicalInfo().getMicrochipped() : null,
				pet.getMedicalInfo().hasSpecialNeeds() ? pet.getMedicalInfo().getSpecialNeeds() : null,
				Wire.given(pet.getMedicalInfo().getHealthNotes())) : null;
		return new PetInput(null, Wire.given(pet.getName()),
				Wire.fromWire(pet.getSpecies(), pet.getSpeciesValue(), "SPECIES_", Species.class, prefix + "species", issues),
				Wire.given(pet.getBreed()), pet.hasAgeMonths() ? pet.getAgeMonths() : null,
				Wire.fromWire(pet.getSize(), pet.getSizeValue(), "SIZE_", PetSize.class, prefix + "size", issues),
				Wire.given(pet.getColor()),
				Wire.fromWire(pet.getGender(), pet.getGenderValue(), "GENDER_", Gender.class, prefix + "gender", issues),
				pet.hasGoodWithKids() ? pet.getGoodWithKids() : null, Wire.given(pet.getPrice()), Wire.given(pet.getCurrency()),
				Wire.given(pet.getDescription()),
				Wire.fromWire(pet.getStatus(), pet.getStatusValue(), "STATUS_", PetStatus.class, prefix + "status", issues),
				medical, pet.getPhotosCount() == 0 ? null : List.copyOf(pet.getPhotosList()), null, null, null);
	}

	@SuppressWarnings("deprecation")
	static io.petstore.grpc.v1.Pet toWire(Pet pet) {
		io.petstore.grpc.v1.Pet.Builder out = io.petstore.grpc.v1.Pet.newBuilder()
			.setId(pet.id().toString())
			.setName(pet.name())
			.setSpecies(Wire.toWire(pet.species(), "SPECIES_", io.petstore.grpc.v1.Species.class))
			.setBreed(Wire.text(pet.breed()))
			.setAgeMonths(pet.ageMonths())
			.setStatus(status(pet.status()))
			.setSize(Wire.toWire(pet.size(), "SIZE_", io.petstore.grpc.v1.Size.class))
			.setColor(Wire.text(pet.color()))
			.setGender(Wire.toWire(pet.gender(), "GENDER_", io.petstore.grpc.v1.Gender.class))
			.setPrice(pet.price().toPlainString())
			.setCurrency(Wire.text(pet.currency()))
			.setDescription(Wire.text(pet.description()))
			.addAllPhotos(pet.photos() == null ? List.of() : pet.photos())
			.setTenantId(Wire.text(pet.tenantId()))
			.setAdoptionFee(pet.price().doubleValue());
		if (pet.goodWithKids() != null) {
			out.setGoodWithKids(pet.goodWithKids());
		}
		MedicalInfo medical = pet.medicalInfo();
		if (medical != null) {
			io.petstore.grpc.v1.MedicalInfo.Builder info = io.petstore.grpc.v1.MedicalInfo.newBuilder()
				.setHealthNotes(Wire.text(medical.healthNotes()));
			if (medical.vaccinated() != null) {
				info.setVaccinated(medical.vaccinated());
			}
			if (medical.spayedNeutered() != null) {
				info.setSpayedNeutered(medical.spayedNeutered());
			}
			if (medical.microchipped() != null) {
				info.setMicrochipped(medical.microchipped());
			}
			if (medical.specialNeeds() != null) {
				info.setSpecialNeeds(medical.specialNeeds());
			}
			out.setMedicalInfo(info);
		}
		if (pet.createdAt() != null) {
			out.setCreatedAt(Wire.timestamp(pet.createdAt()));
		}
		if (pet.updatedAt() != null) {
			out.setUpdatedAt(Wire.timestamp(pet.updatedAt()));
		}
		return out.build();
	}

	static io.petstore.grpc.v1.Status status(PetStatus status) {
		return Wire.toWire(status, "STATUS_", io.petstore.grpc.v1.Status.class);
	}

}
