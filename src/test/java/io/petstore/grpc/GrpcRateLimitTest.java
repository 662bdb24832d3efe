package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.petstore.grpc.v1.ListPetsRequest;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.support.TestDatabase;

/** gRPC calls count against the client's rate limit like REST requests: RESOURCE_EXHAUSTED with RetryInfo past it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "petstore.rate-limit.requests=3", "petstore.rate-limit.window=1m" })
class GrpcRateLimitTest {

	private static final String DATABASE_URL = TestDatabase.newDatabaseUrl("grpcratelimit");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", () -> "");
	}

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Test
	void pastTheLimitCallsAreResourceExhaustedWithRetryInfo() throws Exception {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
		try {
			Metadata metadata = new Metadata();
			metadata.put(GrpcCallInterceptor.TENANT, UUID.randomUUID().toString());
			PetServiceGrpc.PetServiceBlockingStub pets = PetServiceGrpc.newBlockingStub(channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
			for (int i = 0; i < 3; i++) {
				assertThat(pets.listPets(ListPetsRequest.newBuilder().setLimit(1).build()).getPagination().getLimit()).isEqualTo(1);
			}
			StatusRuntimeException limited = catchThrowableOfType(StatusRuntimeException.class,
					() -> pets.listPets(ListPetsRequest.newBuilder().setLimit(1).build()));
			assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
			assertThat(limited.getStatus().getDescription()).contains("Rate limit exceeded");
			long retryAfter = -1;
			for (Any detail : StatusProto.fromThrowable(limited).getDetailsList()) {
				if (detail.is(RetryInfo.class)) {
					retryAfter = detail.unpack(RetryInfo.class).getRetryDelay().getSeconds();
				}
			}
			assertThat(retryAfter).isBetween(1L, 60L);
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
