package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

import io.petstore.grpc.v1.Pet;
import io.petstore.grpc.v1.Species;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

/**
 * Base of the gRPC tests: the whole server (HTTP on a random port, gRPC on another,
 * {@code spring.grpc.server.port=0} in the tests' configuration), a plaintext channel to it,
 * stubs carrying the test's tenant and a token as metadata, users registered over REST.
 */
abstract class GrpcTestSupport extends IntegrationTest {

	static final String PASSWORD = "SecurePass123!";

	@Autowired
	GrpcServerLifecycle grpcServer;

	ManagedChannel channel;

	record Account(String id, String username, String token) {
	}

	@BeforeEach
	void openChannel() {
		channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().userAgent("grpc-test/1.0").build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	int grpcPort() {
		int port = grpcServer.getPort();
		assertThat(port).as("the gRPC server's bound port").isPositive();
		return port;
	}

	/** A stub on the test's tenant, with a bearer token if one is given. */
	<S extends AbstractStub<S>> S on(S stub, String token) {
		return on(stub, tenant, token);
	}

	<S extends AbstractStub<S>> S on(S stub, UUID tenantId, String token) {
		Metadata metadata = new Metadata();
		if (tenantId != null) {
			metadata.put(GrpcCallInterceptor.TENANT, tenantId.toString());
		}
		if (token != null) {
			metadata.put(GrpcCallInterceptor.AUTHORIZATION, "Bearer " + token);
		}
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
	}

	Account register(String prefix) {
		return register(tenant, prefix);
	}

	Account register(UUID tenantId, String prefix) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = clientFor(tenantId).postJson("/v1/users", "{\"username\":\"" + username
				+ "\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\",\"email\":\"" + username
				+ "@example.com\",\"password\":\"" + PASSWORD + "\",\"phone\":\"+18638982053\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new Account(reply.json().get("id").asString(), username, reply.json().get("token").asString());
	}

	static Pet.Builder pet(String name, String price) {
		return Pet.newBuilder()
			.setName(name)
			.setSpecies(Species.SPECIES_DOG)
			.setBreed("Beagle")
			.setAgeMonths(14)
			.setPrice(price)
			.setCurrency("USD");
	}

	/** The status a call fails with. */
	static StatusRuntimeException failure(Supplier<?> call) {
		StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::get);
		assertThat(failure).as("the call should have failed").isNotNull();
		return failure;
	}

	static Status.Code code(Supplier<?> call) {
		return failure(call).getStatus().getCode();
	}

	/** The BadRequest field violations of a failure, as "field:reason". */
	static List<String> violations(StatusRuntimeException failure) {
		com.google.rpc.Status status = StatusProto.fromThrowable(failure);
		assertThat(status).as("rich status details").isNotNull();
		for (Any detail : status.getDetailsList()) {
			if (detail.is(BadRequest.class)) {
				try {
					return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
						.map(v -> v.getField() + ":" + v.getReason())
						.toList();
				}
				catch (InvalidProtocolBufferException ex) {
					throw new AssertionError(ex);
				}
			}
		}
		return List.of();
	}

}
