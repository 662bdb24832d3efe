package io.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

import io.petstore.grpc.v1.GetPetRequest;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

/**
 * /actuator/prometheus: what a Prometheus scrape sees after calls over each protocol: one request
 * timer per operation (the path template, never the raw path with its ids), GraphQL and gRPC timers.
 */
class ObservabilityTest extends IntegrationTest {

	private static final Pattern URI_LABEL = Pattern.compile("uri=\"([^\"]*)\"");

	private static final Pattern RAW_ID = Pattern.compile("/\\d+(/|$)|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Test
	void scrapeHasOneRequestTimerPerOperationAndNoRawPaths() throws InterruptedException {
		assertThat(api.get("/v2/pet/1").status()).isEqualTo(200);
		String v1Pet = api.get("/v1/pets?limit=1").json().get("data").get(0).get("id").asString();
		assertThat(api.get("/v1/pets/" + v1Pet).status()).isEqualTo(200);
		Reply graphql = api.postJson("/v1/graphql", "{\"query\":\"{ pets(limit: 2) { data { id name } } }\"}");
		assertThat(graphql.status()).isEqualTo(200);
		assertThat(graphql.json().get("data").get("pets").get("data")).hasSize(2);
		// misses: a handler's 404 (template kept), no handler at all, an unknown gRPC pet
		ApiClient raw = new ApiClient(base(), null, tenant);
		assertThat(raw.get("/v2/pet/987654321").status()).isEqualTo(404);
		assertThat(raw.get("/v1/pets/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(raw.get("/no/such/path/424242").status()).isEqualTo(404);
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
		try {
			PetServiceGrpc.newBlockingStub(channel).getPet(GetPetRequest.newBuilder().setId(UUID.randomUUID().toString()).build());
		}
		catch (StatusRuntimeException expected) {
			// NOT_FOUND: timed all the same
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}

		Reply scrape = new ApiClient(base(), null, null).get("/actuator/prometheus");
		assertThat(scrape.status()).as("anonymous scrape, as /actuator/metrics").isEqualTo(200);
		assertThat(scrape.contentType()).satisfiesAnyOf(type -> assertThat(type).startsWith("text/plain"),
				type -> assertThat(type).startsWith("application/openmetrics-text"));
		String body = scrape.body();
		assertThat(requestCounts(body)).anySatisfy(line -> assertThat(line).contains("method=\"GET\"", "uri=\"/v2/pet/{petId}\"", "status=\"200\""))
			.anySatisfy(line -> assertThat(line).contains("method=\"GET\"", "uri=\"/v1/pets/{id}\"", "status=\"200\""))
			.anySatisfy(line -> assertThat(line).contains("uri=\"/v2/pet/{petId}\"", "status=\"404\""))
			.anySatisfy(line -> assertThat(line).contains("uri=\"/v1/graphql\"", "method=\"POST\""));
		assertThat(body).containsPattern("(?m)^graphql_request_seconds_count\\{[^}]*\\} [1-9]");
		assertThat(body).containsPattern("(?m)^grpc_server_seconds_count\\{[^}]*rpc_method=\"GetPet\"[^}]*\\} [1-9]");

		List<String> uris = new ArrayList<>();
		Matcher matcher = URI_LABEL.matcher(body);
		while (matcher.find()) {
			uris.add(matcher.group(1));
		}
		assertThat(uris).isNotEmpty().noneMatch(uri -> RAW_ID.matcher(uri).find()).doesNotContain("/no/such/path/424242");
		assertThat(body).doesNotContain(v1Pet, "987654321");
	}

	private static List<String> requestCounts(String scrape) {
		return scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")).toList();
	}

}
