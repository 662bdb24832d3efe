package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.petstore.grpc.v1.CreatePetRequest;
import io.petstore.grpc.v1.ListPetsRequest;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.support.Reply;

/**
 * The tools of the gRPC ecosystem against the server: {@code buf lint} on the proto files and
 * {@code buf curl} through server reflection (npm {@code @bufbuild/buf@1.75.0}, installed into
 * target/buf once; skipped when node or npm is missing), the health service, the served proto
 * files, and a message that is not protobuf at all.
 */
class GrpcToolsTest extends GrpcTestSupport {

	static final Path BUF_HOME = Path.of("target", "buf");

	static final Path BUF = BUF_HOME.resolve("node_modules/.bin/buf");

	record Result(int code, String output) {
	}

	@Test
	void bufLintFindsNothingInTheProtoFiles() {
		Result lint = buf(Path.of("src", "main", "proto"), "lint");
		assertThat(lint.code()).as("buf lint:\n" + lint.output()).isZero();
	}

	@Test
	void bufCurlListsGetsAndIsRefusedThroughReflection() {
		Account alice = register("alice");
		String petId = on(PetServiceGrpc.newBlockingStub(channel), alice.token())
			.createPet(CreatePetRequest.newBuilder().setPet(pet("Curled", "12.00")).build())
			.getId();
		String address = "http://127.0.0.1:" + grpcPort();

		Result methods = buf(BUF_HOME, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "--list-methods", address);
		assertThat(methods.code()).as(methods.output()).isZero();
		assertThat(methods.output()).contains("petstore.v1.PetService/GetPet", "petstore.v1.OrderService/PlaceOrders",
				"petstore.v1.UserService/CreateToken", "petstore.v1.InventoryService/GetInventory");

		Result list = buf(BUF_HOME, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", "x-tenant-id: " + tenant, "-d",
				"{\"species\":\"SPECIES_DOG\",\"limit\":100}", address + "/petstore.v1.PetService/ListPets");
		assertThat(list.code()).as(list.output()).isZero();
		JsonNode pets = json(list.output());
		List<String> ids = new ArrayList<>();
		pets.get("pets").forEach(pet -> ids.add(pet.get("id").asString()));
		assertThat(ids).contains(petId);
		assertThat(pets.get("pagination").get("limit").asInt()).isEqualTo(100);

		Result get = buf(BUF_HOME, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", "x-tenant-id: " + tenant, "-d",
				"{\"id\":\"" + petId + "\"}", address + "/petstore.v1.PetService/GetPet");
		assertThat(get.code()).as(get.output()).isZero();
		JsonNode pet = json(get.output());
		assertThat(pet.get("name").asString()).isEqualTo("Curled");
		assertThat(pet.get("price").asString()).isEqualTo("12.00");
		assertThat(pet.get("species").asString()).isEqualTo("SPECIES_DOG");

		Result missing = buf(BUF_HOME, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", "x-tenant-id: " + tenant, "-d",
				"{\"id\":\"" + UUID.randomUUID() + "\"}", address + "/petstore.v1.PetService/GetPet");
		assertThat(missing.code()).as(missing.output()).isNotZero();
		assertThat(missing.output()).contains("\"not_found\"").contains("was not found");

		Result unauthenticated = buf(BUF_HOME, "curl", "--protocol", "grpc", "--http2-prior-knowledge", "-H", "x-tenant-id: " + tenant,
				"-d", "{\"pet\":{\"name\":\"Nobody\"}}", address + "/petstore.v1.PetService/CreatePet");
		assertThat(unauthenticated.output()).contains("\"unauthenticated\"");
	}

	@Test
	void theHealthServiceAnswersServing() throws InterruptedException {
		HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
		HealthCheckResponse.ServingStatus status = null;
		for (int i = 0; i < 40 && status != HealthCheckResponse.ServingStatus.SERVING; i++) {
			status = health.withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus();
			if (status != HealthCheckResponse.ServingStatus.SERVING) {
				Thread.sleep(500);
			}
		}
		assertThat(status).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
	}

	@Test
	void theProtoFilesAreServedAndListedOnTheDocsPage() throws IOException {
		for (String name : ProtoDocuments.NAMES) {
			Reply reply = api.get("/v1/grpc/" + name + ".proto");
			assertThat(reply.status()).as(name).isEqualTo(200);
			assertThat(reply.contentType()).startsWith("text/plain");
			assertThat(reply.body()).isEqualTo(Files.readString(Path.of("src/main/proto/petstore/v1", name + ".proto")));
			assertThat(reply.body()).contains("package petstore.v1;");
		}
		assertThat(api.get("/v1/grpc/nothing.proto").status()).isEqualTo(404);
		assertThat(api.get("/docs/other-apis.json").body()).contains("/v1/grpc/pets.proto", "/v1/grpc/orders.proto");
		assertThat(api.get("/docs/apis.json").body()).doesNotContain(".proto");
		// shipped in the jar, next to the classes
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("petstore/v1/pets.proto")) {
			assertThat(in).isNotNull();
		}
	}

	@Test
	void aMessageThatIsNotProtobufIsRefusedAndTheServerGoesOn() {
		MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName("petstore.v1.PetService/GetPet")
			.setRequestMarshaller(new Bytes())
			.setResponseMarshaller(new Bytes())
			.build();
		// field 1 (a string) claiming 100 bytes that never come
		byte[] broken = { 0x0a, 0x64, 0x41, 0x42 };
		Status status = Status.fromThrowable(org.assertj.core.api.Assertions.catchThrowable(
				() -> ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), broken)));
		assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status.getDescription()).doesNotContain("Exception");
		assertThat(on(PetServiceGrpc.newBlockingStub(channel), null).listPets(ListPetsRequest.newBuilder().setLimit(1).build())
			.getPagination().getLimit()).isEqualTo(1);
	}

	static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {

		@Override
		public InputStream stream(byte[] value) {
			return new java.io.ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

	private static JsonNode json(String output) {
		return JsonMapper.builder().build().readTree(output);
	}

	/** Runs buf (installing it into target/buf first if needed); skips the test without node and npm. */
	static synchronized Result buf(Path directory, String... args) {
		Assumptions.assumeTrue(run(Path.of("."), List.of("node", "--version"), 60).code() == 0,
				"node is not installed: the buf tests are skipped");
		if (!Files.exists(BUF)) {
			Assumptions.assumeTrue(run(Path.of("."), List.of("npm", "--version"), 60).code() == 0,
					"npm is not installed: the buf tests are skipped");
			try {
				Files.createDirectories(BUF_HOME);
				Files.writeString(BUF_HOME.resolve("package.json"), "{\"name\":\"petstore-buf\",\"private\":true}\n");
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			Result install = run(BUF_HOME, List.of("npm", "install", "--no-audit", "--no-fund", "@bufbuild/buf@1.75.0"), 600);
			assertThat(install.code()).as("npm install @bufbuild/buf@1.75.0:\n" + install.output()).isZero();
		}
		List<String> command = new ArrayList<>(List.of(BUF.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		Result result = run(directory, command, 120);
		System.out.println("buf " + String.join(" ", args) + " (exit " + result.code() + "):\n" + result.output());
		return result;
	}

	private static Result run(Path directory, List<String> command, int timeoutSeconds) {
		try {
			Path log = Files.createTempFile("buf", ".log");
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.delete(log);
			return new Result(finished ? process.exitValue() : -1, output);
		}
		catch (IOException ex) {
			return new Result(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, ex.toString());
		}
	}

}
