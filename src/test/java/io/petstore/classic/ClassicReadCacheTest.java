package io.petstore.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.petstore.persistence.ReadCache;
import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot classic reads (one pet, findByStatus, the inventory) answered from {@link ReadCache} on
 * H2: the same bytes as content negotiation writes, and never stale for a writer, even with readers
 * filling the cache while it writes. On PostgreSQL the cache is off and the same checks hold.
 */
class ClassicReadCacheTest extends IntegrationTest {

	@Autowired
	ReadCache cache;

	@Autowired
	Environment environment;

	@Test
	void onForTheEmbeddedDatabaseOffWhereOtherInstancesMayWrite() {
		boolean postgres = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
		assertThat(cache.enabled()).isEqualTo(!postgres);
	}

	@Test
	void storedAnswersAreTheBytesContentNegotiationWrites() {
		for (String path : List.of("/v2/pet/1", "/v2/pet/findByStatus?status=available,sold", "/v2/store/inventory")) {
			Reply first = api.get(path);
			Reply again = api.get(path, "Accept", "application/json");
			Reply negotiated = api.get(path, "Accept", "application/json, text/plain;q=0.5");
			assertThat(first.status()).as(path).isEqualTo(200);
			assertThat(first.contentType()).as(path).isEqualTo("application/json");
			assertThat(again.body()).as(path).isEqualTo(first.body());
			assertThat(negotiated.body()).as(path).isEqualTo(first.body());
			assertThat(negotiated.contentType()).as(path).isEqualTo("application/json");
		}
		Reply xml = api.get("/v2/pet/findByStatus?status=available", "Accept", "application/xml");
		assertThat(xml.contentType()).isEqualTo("application/xml");
		assertThat(xml.body()).contains("<pets><Pet>");
		assertThat(api.get("/v2/pet/1", "Accept", "application/xml").body()).contains("<Pet>").contains("<name>Cat 1</name>");
		assertThat(api.get("/v2/pet/987654321").status()).isEqualTo(404);
		assertThat(api.get("/v2/pet/987654321").body()).contains("Pet not found");
	}

	@Test
	void everyKindOfWriteIsSeenByTheNextRead() {
		api.get("/v2/pet/1");
		api.get("/v2/pet/findByStatus?status=pending");
		long pendingBefore = api.get("/v2/store/inventory").json().path("pending").asLong();

		assertThat(api.putJson("/v2/pet", "{\"id\":1,\"name\":\"Renamed\",\"photoUrls\":[],\"status\":\"pending\"}").status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Renamed");
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending").json())).contains(1L);
		assertThat(api.get("/v2/store/inventory").json().get("pending").asLong()).isEqualTo(pendingBefore + 1);

		assertThat(api.send("POST", "/v2/pet/1", "application/x-www-form-urlencoded", "status=sold").status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/1").json().get("status").asString()).isEqualTo("sold");
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending").json())).doesNotContain(1L);

		Reply created = api.postJson("/v2/pet", "{\"name\":\"New\",\"photoUrls\":[],\"status\":\"pending\"}");
		long newId = created.json().get("id").asLong();
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending").json())).contains(newId);

		assertThat(api.delete("/v2/pet/" + newId).status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/" + newId).status()).isEqualTo(404);
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending").json())).doesNotContain(newId);

		// the tenant's reset restores the seed: the renamed pet is "Cat 1" again
		assertThat(api.send("POST", "/admin/reset", null, (String) null).status()).isBetween(200, 204);
		assertThat(api.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Cat 1");
		assertThat(api.get("/v2/store/inventory").json().get("pending").asLong()).isEqualTo(pendingBefore);
	}

	@Test
	void aTenantsAnswersAreItsOwn() {
		ApiClient other = clientFor(java.util.UUID.randomUUID());
		other.get("/v2/pet/1");
		api.putJson("/v2/pet", "{\"id\":1,\"name\":\"Mine\",\"photoUrls\":[],\"status\":\"sold\"}");
		assertThat(api.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Mine");
		assertThat(other.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Cat 1");
	}

	/** A writer reads its own write back every time while four readers keep refilling the cache. */
	@Test
	void aWriterNeverReadsStaleDataWhileOthersRead() throws Exception {
		api.putJson("/v2/pet", "{\"id\":4242,\"name\":\"v0\",\"photoUrls\":[],\"status\":\"available\"}");
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService readers = Executors.newFixedThreadPool(4);
		List<Future<Integer>> reads = new ArrayList<>();
		try {
			for (int r = 0; r < 4; r++) {
				reads.add(readers.submit(() -> {
					int n = 0;
					while (running.get()) {
						assertThat(api.get("/v2/pet/4242").status()).isEqualTo(200);
						assertThat(api.get("/v2/pet/findByStatus?status=available,pending").status()).isEqualTo(200);
						assertThat(api.get("/v2/store/inventory").status()).isEqualTo(200);
						n++;
					}
					return n;
				}));
			}
			for (int i = 1; i <= 150; i++) {
				String status = i % 2 == 0 ? "available" : "pending";
				assertThat(api.putJson("/v2/pet", "{\"id\":4242,\"name\":\"v" + i + "\",\"photoUrls\":[],\"status\":\"" + status + "\"}")
					.status()).isEqualTo(200);
				assertThat(api.get("/v2/pet/4242").json().get("name").asString()).as("write %d", i).isEqualTo("v" + i);
				JsonNode listed = api.get("/v2/pet/findByStatus?status=" + status).json();
				assertThat(names(listed, 4242)).as("write %d", i).containsExactly("v" + i);
				JsonNode both = api.get("/v2/pet/findByStatus?status=available,pending").json();
				assertThat(names(both, 4242)).as("write %d", i).containsExactly("v" + i);
			}
		}
		finally {
			running.set(false);
			readers.shutdown();
		}
		for (Future<Integer> read : reads) {
			assertThat(read.get()).isPositive();
		}
	}

	private static List<Long> ids(JsonNode pets) {
		List<Long> ids = new ArrayList<>();
		pets.forEach(pet -> ids.add(pet.get("id").asLong()));
		return ids;
	}

	private static List<String> names(JsonNode pets, long id) {
		List<String> names = new ArrayList<>();
		pets.forEach(pet -> {
			if (pet.get("id").asLong() == id) {
				names.add(pet.get("name").asString());
			}
		});
		return names;
	}

}
