package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import io.petstore.grpc.v1.BulkCreatePetsRequest;
import io.petstore.grpc.v1.BulkCreatePetsResponse;
import io.petstore.grpc.v1.CreatePetRequest;
import io.petstore.grpc.v1.DeletePetRequest;
import io.petstore.grpc.v1.GetPetRequest;
import io.petstore.grpc.v1.ListPetsRequest;
import io.petstore.grpc.v1.ListPetsResponse;
import io.petstore.grpc.v1.MedicalInfo;
import io.petstore.grpc.v1.Pet;
import io.petstore.grpc.v1.PetEvent;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.grpc.v1.Species;
import io.petstore.grpc.v1.UpdatePetRequest;
import io.petstore.grpc.v1.WatchPetsRequest;
import io.petstore.support.Reply;
import tools.jackson.databind.JsonNode;

/** PetService with grpc-java's blocking and async stubs: every RPC, its refusals, its streams. */
class GrpcPetServiceTest extends GrpcTestSupport {

	PetServiceGrpc.PetServiceBlockingStub pets(String token) {
		return on(PetServiceGrpc.newBlockingStub(channel), token);
	}

	@Test
	void createGetListUpdateDeleteAsRestDoes() {
		Account alice = register("alice");
		Pet created = pets(alice.token()).createPet(CreatePetRequest.newBuilder()
			.setPet(pet("Grpc Rex", "250.00").setMedicalInfo(MedicalInfo.newBuilder().setVaccinated(true)).setGoodWithKids(true))
			.build());
		assertThat(created.getId()).isNotEmpty();
		assertThat(created.getStatus()).isEqualTo(io.petstore.grpc.v1.Status.STATUS_AVAILABLE);
		assertThat(created.getPrice()).isEqualTo("250.00");
		assertThat(created.getAdoptionFee()).isEqualTo(250.0);
		assertThat(created.getTenantId()).isEqualTo(tenant.toString());
		assertThat(created.getCreatedAt().getSeconds()).isPositive();
		assertThat(created.getMedicalInfo().getVaccinated()).isTrue();
		assertThat(created.getMedicalInfo().hasSpayedNeutered()).isFalse();

		// the same pet over REST
		JsonNode rest = api.get("/v1/pets/" + created.getId()).json();
		assertThat(rest.get("name").asString()).isEqualTo("Grpc Rex");
		assertThat(rest.get("price").asString()).isEqualTo("250.00");

		// reads need no token
		Pet got = pets(null).getPet(GetPetRequest.newBuilder().setId(created.getId()).build());
		assertThat(got).isEqualTo(created);
		ListPetsResponse dogs = pets(null).listPets(ListPetsRequest.newBuilder().setSpecies(Species.SPECIES_DOG).setLimit(100).build());
		assertThat(dogs.getPetsList()).extracting(Pet::getId).contains(created.getId());
		assertThat(dogs.getPagination().getLimit()).isEqualTo(100);
		assertThat(dogs.getPagination().getTotalItems()).isEqualTo(api.get("/v1/pets?species=DOG&limit=100").json().get("pagination")
			.get("totalItems").asLong());

		Pet updated = pets(alice.token()).updatePet(UpdatePetRequest.newBuilder()
			.setId(created.getId())
			.setPet(pet("Grpc Rex II", "99.5").setStatus(io.petstore.grpc.v1.Status.STATUS_NOT_AVAILABLE))
			.build());
		assertThat(updated.getName()).isEqualTo("Grpc Rex II");
		assertThat(updated.getStatus()).isEqualTo(io.petstore.grpc.v1.Status.STATUS_NOT_AVAILABLE);
		assertThat(api.get("/v1/pets/" + created.getId()).json().get("status").asString()).isEqualTo("NOT_AVAILABLE");

		pets(alice.token()).deletePet(DeletePetRequest.newBuilder().setId(created.getId()).build());
		assertThat(api.get("/v1/pets/" + created.getId()).status()).isEqualTo(404);
		assertThat(code(() -> pets(null).getPet(GetPetRequest.newBuilder().setId(created.getId()).build())))
			.isEqualTo(Status.Code.NOT_FOUND);

		// the audit log names the protocol, the method and the client
		JsonNode audit = adminAudit("PET_CREATED", created.getId());
		assertThat(audit.get("protocol").asString()).isEqualTo("GRPC");
		assertThat(audit.get("request").asString()).isEqualTo("petstore.v1.PetService/CreatePet");
		assertThat(audit.get("userAgent").asString()).startsWith("grpc-test/1.0");
		assertThat(audit.get("ipAddress").asString()).isEqualTo("127.0.0.1");
	}

	private JsonNode adminAudit(String action, String entityId) {
		Reply reply = admin().get("/v1/admin/audit-logs?action=" + action + "&entityId=" + entityId);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("data").get(0);
	}

	@Test
	void refusalsHaveTheirStatusCodes() {
		Account alice = register("alice");
		CreatePetRequest valid = CreatePetRequest.newBuilder().setPet(pet("Valid", "10.00")).build();
		// writes without a token, with a bad token, with another tenant's token
		assertThat(code(() -> pets(null).createPet(valid))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(code(() -> pets("not-a-token").createPet(valid))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(code(() -> on(PetServiceGrpc.newBlockingStub(channel), UUID.randomUUID(), alice.token()).createPet(valid)))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		// a token narrowed to read:pets
		String readOnly = api.postJson("/v1/auth/tokens", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + PASSWORD
				+ "\",\"scopes\":[\"read:pets\"]}").json().get("token").asString();
		assertThat(code(() -> pets(readOnly).createPet(valid))).isEqualTo(Status.Code.PERMISSION_DENIED);
		// unknown and malformed ids, a malformed tenant
		assertThat(code(() -> pets(null).getPet(GetPetRequest.newBuilder().setId(UUID.randomUUID().toString()).build())))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> pets(null).getPet(GetPetRequest.newBuilder().setId("nope").build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		io.grpc.Metadata badTenant = new io.grpc.Metadata();
		badTenant.put(GrpcCallInterceptor.TENANT, "not-a-uuid");
		assertThat(code(() -> PetServiceGrpc.newBlockingStub(channel)
			.withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(badTenant))
			.getPet(GetPetRequest.newBuilder().setId(UUID.randomUUID().toString()).build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(code(() -> pets(alice.token()).deletePet(DeletePetRequest.newBuilder().setId(UUID.randomUUID().toString()).build())))
			.isEqualTo(Status.Code.NOT_FOUND);
		// paging out of range, as REST's 400
		assertThat(code(() -> pets(null).listPets(ListPetsRequest.newBuilder().setLimit(101).build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void invalidPetsAreInvalidArgumentWithRestsFieldViolations() {
		Account alice = register("alice");
		StatusRuntimeException invalid = failure(() -> pets(alice.token()).createPet(CreatePetRequest.newBuilder()
			.setPet(Pet.newBuilder().setName("").setPrice("cheap").setCurrency("usd").addPhotos("ftp://x")
				.setMedicalInfo(MedicalInfo.newBuilder().setHealthNotes("x".repeat(1001))))
			.build()));
		assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(invalid)).containsExactly("ageMonths:required", "currency:invalid_format",
				"medicalInfo.healthNotes:invalid_length", "name:required", "photos[0]:invalid_format",
				"price:invalid_format", "species:required");
		// REST names the same fields (proto3 cannot tell an empty name from none: REST's "name" absent)
		Reply rest = api.withToken(alice.token()).postJson("/v1/pets", "{\"price\":\"cheap\",\"currency\":\"usd\","
				+ "\"photos\":[\"ftp://x\"],\"medicalInfo\":{\"healthNotes\":\"" + "x".repeat(1001) + "\"}}");
		List<String> restFields = new ArrayList<>();
		rest.json().get("errors").forEach(e -> restFields.add(e.get("field").asString() + ":" + e.get("code").asString()));
		assertThat(violations(invalid)).containsExactlyInAnyOrderElementsOf(restFields);

		// enum numbers this server does not know (a newer client's) are field violations too
		StatusRuntimeException unknown = failure(() -> pets(alice.token()).createPet(CreatePetRequest.newBuilder()
			.setPet(pet("Future", "1.00").setSpeciesValue(42).setStatusValue(9))
			.build()));
		assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(unknown)).containsExactly("species:invalid_enum", "status:invalid_enum");
		assertThat(code(() -> pets(null).listPets(ListPetsRequest.newBuilder().setSpeciesValue(77).build())))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void oversizeMessagesAreResourceExhausted() {
		Account alice = register("alice");
		StatusRuntimeException tooLarge = failure(() -> pets(alice.token()).createPet(CreatePetRequest.newBuilder()
			.setPet(pet("Huge", "1.00").setDescription("x".repeat(5 * 1024 * 1024)))
			.build()));
		assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		// the server goes on serving
		assertThat(pets(null).listPets(ListPetsRequest.newBuilder().setLimit(1).build()).getPagination().getLimit()).isEqualTo(1);
	}

	/**
	 * Malformed HTTP/2 frames (a HEADERS frame on stream 0, a protocol error) end that connection
	 * with GOAWAY, as HTTP/2 prescribes; no call exists to get a status code, and the server goes on
	 * serving every other connection.
	 */
	@Test
	void malformedFramesEndOnlyTheirConnectionWithGoAway() throws Exception {
		byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] settings = { 0, 0, 0, 4, 0, 0, 0, 0, 0 };
		byte[] headersOnStreamZero = { 0, 0, 5, 1, 4, 0, 0, 0, 0, 1, 2, 3, 4, 5 };
		java.util.List<Integer> frameTypes = new java.util.ArrayList<>();
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", grpcPort())) {
			socket.setSoTimeout(10_000);
			java.io.OutputStream out = socket.getOutputStream();
			out.write(preface);
			out.write(settings);
			out.write(headersOnStreamZero);
			out.flush();
			java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
			byte[] header = new byte[9];
			while (true) {
				try {
					in.readFully(header);
				}
				catch (java.io.EOFException closed) {
					break;
				}
				int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
				frameTypes.add(header[3] & 0xff);
				in.readFully(new byte[length]);
			}
		}
		catch (java.net.SocketException reset) {
			// the server may reset the connection right after its GOAWAY: what arrived before counts
		}
		assertThat(frameTypes).as("frame types the server sent before closing").contains(7); // GOAWAY
		assertThat(pets(null).listPets(ListPetsRequest.newBuilder().setLimit(1).build()).getPagination().getLimit()).isEqualTo(1);
	}

	@Test
	void bulkCreateValidatesEveryPetThenCreatesThemAll() throws Exception {
		Account alice = register("alice");
		PetServiceGrpc.PetServiceStub async = on(PetServiceGrpc.newStub(channel), alice.token());

		CompletableFuture<BulkCreatePetsResponse> done = new CompletableFuture<>();
		StreamObserver<BulkCreatePetsRequest> upload = async.bulkCreatePets(observer(done));
		for (int i = 0; i < 3; i++) {
			upload.onNext(BulkCreatePetsRequest.newBuilder().setPet(pet("Bulk " + i, i + ".50")).build());
		}
		upload.onCompleted();
		BulkCreatePetsResponse created = done.get(30, TimeUnit.SECONDS);
		assertThat(created.getPetsList()).extracting(Pet::getName).containsExactly("Bulk 0", "Bulk 1", "Bulk 2");
		assertThat(api.get("/v1/pets/" + created.getPets(2).getId()).json().get("price").asString()).isEqualTo("2.50");

		// one invalid pet: nothing is created, the violation names its position
		CompletableFuture<BulkCreatePetsResponse> refused = new CompletableFuture<>();
		upload = async.bulkCreatePets(observer(refused));
		upload.onNext(BulkCreatePetsRequest.newBuilder().setPet(pet("Fine", "1.00")).build());
		upload.onNext(BulkCreatePetsRequest.newBuilder().setPet(pet("", "1.00")).build());
		upload.onCompleted();
		StatusRuntimeException failure = failure(() -> {
			try {
				return refused.get(30, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw (RuntimeException) ex.getCause();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(failure)).containsExactly("[1].name:required");
		assertThat(pets(null).listPets(ListPetsRequest.newBuilder().setLimit(100).build()).getPetsList()).extracting(Pet::getName)
			.doesNotContain("Fine");

		// without a token: UNAUTHENTICATED
		CompletableFuture<BulkCreatePetsResponse> anonymous = new CompletableFuture<>();
		upload = PetServiceGrpc.newStub(channel).bulkCreatePets(observer(anonymous));
		upload.onNext(BulkCreatePetsRequest.newBuilder().setPet(pet("Nobody's", "1.00")).build());
		upload.onCompleted();
		assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
			try {
				anonymous.get(30, TimeUnit.SECONDS);
				return Status.Code.OK;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				return Status.fromThrowable(ex.getCause()).getCode();
			}
			catch (Exception ex) {
				return Status.Code.UNKNOWN;
			}
		}).get()).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void watchPetsStreamsCommittedStatusChangesUntilTheDeadline() throws Exception {
		Account alice = register("alice");
		String petId = pets(alice.token()).createPet(CreatePetRequest.newBuilder().setPet(pet("Watched", "5.00")).build()).getId();
		LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch ended = new CountDownLatch(1);
		on(PetServiceGrpc.newStub(channel), null).withDeadlineAfter(20, TimeUnit.SECONDS)
			.watchPets(WatchPetsRequest.getDefaultInstance(), new StreamObserver<>() {
				@Override
				public void onNext(PetEvent event) {
					received.add(event);
				}

				@Override
				public void onError(Throwable t) {
					received.add(Status.fromThrowable(t).getCode());
					ended.countDown();
				}

				@Override
				public void onCompleted() {
					ended.countDown();
				}
			});
		Thread.sleep(1000); // the subscription starts once the call reached the server
		// an order over REST reserves the pet: PENDING
		Reply order = api.withToken(alice.token()).postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}");
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		Object first = received.poll(15, TimeUnit.SECONDS);
		assertThat(first).isInstanceOf(PetEvent.class);
		PetEvent event = (PetEvent) first;
		assertThat(event.getPet().getId()).isEqualTo(petId);
		assertThat(event.getPreviousStatus()).isEqualTo(io.petstore.grpc.v1.Status.STATUS_AVAILABLE);
		assertThat(event.getNewStatus()).isEqualTo(io.petstore.grpc.v1.Status.STATUS_PENDING);

		// another tenant's changes are not seen
		Account bob = register(UUID.randomUUID(), "bob");
		assertThat(bob.token()).isNotEmpty();

		// a short deadline ends a watch with DEADLINE_EXCEEDED
		Iterator<PetEvent> shortWatch = on(PetServiceGrpc.newBlockingStub(channel), null).withDeadlineAfter(1, TimeUnit.SECONDS)
			.watchPets(WatchPetsRequest.getDefaultInstance());
		assertThat(code(() -> shortWatch.hasNext())).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
	}

	@Test
	void anExpiredDeadlineIsDeadlineExceeded() {
		assertThat(code(() -> pets(null).withDeadlineAfter(1, TimeUnit.NANOSECONDS)
			.listPets(ListPetsRequest.getDefaultInstance()))).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
	}

	static <T> StreamObserver<T> observer(CompletableFuture<T> result) {
		return new StreamObserver<>() {
			@Override
			public void onNext(T value) {
				result.complete(value);
			}

			@Override
			public void onError(Throwable t) {
				result.completeExceptionally(t);
			}

			@Override
			public void onCompleted() {
				result.complete(null);
			}
		};
	}

}
