package io.petstore.v1;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryTest extends ModernApiTest {

	@Test
	void countsPetsByStatusAndFollowsOrders() {
		assertThat(api.get("/v1/inventories").body())
			.isEqualTo("{\"AVAILABLE\":9,\"PENDING\":1,\"ADOPTED\":1,\"NOT_AVAILABLE\":1}");
		assertThat(api.get("/v1/inventories?status=AVAILABLE,PENDING").body()).isEqualTo("{\"AVAILABLE\":9,\"PENDING\":1}");
		assertProblem(api.get("/v1/inventories?status=SOLD"), 400, "bad-request");

		placeOrder(as(register(uniqueName("buyer"))), MAX);
		assertThat(api.get("/v1/inventories").body())
			.isEqualTo("{\"AVAILABLE\":8,\"PENDING\":2,\"ADOPTED\":1,\"NOT_AVAILABLE\":1}");
		// other tenants are not counted
		assertThat(clientFor(java.util.UUID.randomUUID()).get("/v1/inventories").json().get("AVAILABLE").asInt()).isEqualTo(9);
	}

	@Test
	void aggregateInventory() {
		Reply reply = api.get("/v1/inventory");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.get("available").asInt()).isEqualTo(9);
		assertThat(body.get("pending").asInt()).isEqualTo(1);
		assertThat(body.get("adopted").asInt()).isEqualTo(1);
		assertThat(body.get("notAvailable").asInt()).isEqualTo(1);
		assertThat(body.get("total").asInt()).isEqualTo(12);
		assertThat(body.get("bySpecies").toString())
			.isEqualTo("{\"DOG\":5,\"CAT\":3,\"RABBIT\":1,\"BIRD\":1,\"REPTILE\":1,\"OTHER\":1}");
	}

}
