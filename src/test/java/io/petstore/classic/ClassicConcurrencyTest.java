package io.petstore.classic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** 40 parallel clients create and update pets and orders; every acknowledged write is there afterwards. */
class ClassicConcurrencyTest extends io.petstore.support.IntegrationTest {

	private static final int CLIENTS = 40;

	private static final int ROUNDS = 15;

	@Test
	void noAcknowledgedWriteIsLostOrCorrupted() throws Exception {
		Map<Long, String> lastPetName = new ConcurrentHashMap<>();
		Map<Long, Integer> lastOrderQuantity = new ConcurrentHashMap<>();
		Set<Long> freshIds = ConcurrentHashMap.newKeySet();
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			final int client = c;
			futures.add(pool.submit(() -> {
				long ownPet = 100_000 + client;
				long ownOrder = 200_000 + client;
				for (int round = 0; round < ROUNDS; round++) {
					String name = "client " + client + " round " + round;
					Reply put = api.putJson("/v2/pet", "{\"id\":" + ownPet + ",\"name\":\"" + name + "\",\"status\":\"available\","
							+ "\"tags\":[{\"id\":" + round + ",\"name\":\"t" + round + "\"}]}");
					statuses.add(put.status());
					if (put.status() == 200) {
						lastPetName.put(ownPet, name);
					}
					Reply fresh = api.postJson("/v2/pet", "{\"name\":\"fresh " + client + "/" + round + "\"}");
					statuses.add(fresh.status());
					if (fresh.status() == 200) {
						assertThat(freshIds.add(fresh.json().get("id").asLong())).as("fresh ids are unique").isTrue();
					}
					Reply shared = api.postJson("/v2/pet", "{\"id\":4,\"name\":\"" + name + "\",\"status\":\"pending\"}");
					statuses.add(shared.status());
					Reply order = api.postJson("/v2/store/order", "{\"id\":" + ownOrder + ",\"petId\":4,\"quantity\":" + round + "}");
					statuses.add(order.status());
					if (order.status() == 200) {
						lastOrderQuantity.put(ownOrder, round);
					}
					Reply freshOrder = api.postJson("/v2/store/order", "{\"petId\":4,\"quantity\":1}");
					statuses.add(freshOrder.status());
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get(3, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(new HashSet<>(statuses)).containsOnly(200);
		assertThat(lastPetName).hasSize(CLIENTS);
		lastPetName.forEach((id, name) -> {
			Reply pet = api.get("/v2/pet/" + id);
			assertThat(pet.json().get("name").asString()).isEqualTo(name);
			assertThat(pet.json().get("tags").size()).isEqualTo(1);
		});
		lastOrderQuantity.forEach((id, quantity) ->
				assertThat(api.get("/v2/store/order/" + id).json().get("quantity").asInt()).isEqualTo(quantity));
		assertThat(freshIds).hasSize(CLIENTS * ROUNDS);
		for (long id : freshIds) {
			assertThat(api.get("/v2/pet/" + id).status()).isEqualTo(200);
		}
		String sharedName = api.get("/v2/pet/4").json().get("name").asString();
		assertThat(sharedName).matches("client \\d+ round \\d+");
		assertThat(ClassicPetApiTest.ids(api.get("/v2/pet/findByTags?tags=t" + (ROUNDS - 1)))).hasSize(CLIENTS);
	}

}
