package io.petstore.classic;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Inventory and orders over HTTP. */
class ClassicStoreApiTest extends io.petstore.support.IntegrationTest {

	@Test
	void inventoryCountsPetsByStatus() {
		Reply reply = api.get("/v2/store/inventory");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		JsonNode inventory = reply.json();
		assertThat(inventory.get("available").asInt()).isEqualTo(7);
		assertThat(inventory.get("pending").asInt()).isEqualTo(2);
		assertThat(inventory.get("sold").asInt()).isEqualTo(1);

		api.postJson("/v2/pet", "{\"id\":500,\"name\":\"x\",\"status\":\"sold\"}");
		assertThat(api.get("/v2/store/inventory").json().get("sold").asInt()).isEqualTo(2);
	}

	@Test
	void inventoryIsJsonOnly() {
		Reply reply = api.get("/v2/store/inventory", "Accept", "application/xml");
		assertThat(reply.status()).isEqualTo(406);
	}

	@Test
	void placeGetAndDeleteAnOrder() {
		Reply placed = api.postJson("/v2/store/order",
				"{\"id\":4711,\"petId\":200,\"quantity\":13,\"shipDate\":\"2024-01-02T03:04:05.678+02:00\",\"status\":\"placed\",\"complete\":true}");
		assertThat(placed.status()).isEqualTo(200);
		assertThat(placed.body()).isEqualTo(
				"{\"id\":4711,\"petId\":200,\"quantity\":13,\"shipDate\":\"2024-01-02T01:04:05.678Z\",\"status\":\"placed\",\"complete\":true}");

		Reply read = api.get("/v2/store/order/4711");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).isEqualTo(placed.body());

		Reply deleted = api.delete("/v2/store/order/4711");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"4711\"}");
		Reply gone = api.get("/v2/store/order/4711");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body()).isEqualTo("{\"code\":1,\"type\":\"error\",\"message\":\"Order not found\"}");
		Reply again = api.delete("/v2/store/order/4711");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.body()).isEqualTo("{\"code\":404,\"type\":\"unknown\",\"message\":\"Order not found\"}"); // the reference's shape
	}

	@Test
	void shipDateAcceptsTheReferenceFormatDatesAndEpochMillis() {
		assertThat(shipDate("\"2024-01-02T03:04:05.678+0000\"")).isEqualTo("2024-01-02T03:04:05.678Z");
		assertThat(shipDate("\"2024-01-02\"")).isEqualTo("2024-01-02T00:00:00.000Z");
		assertThat(shipDate("1704164645678")).isEqualTo("2024-01-02T03:04:05.678Z");
		Reply bad = api.postJson("/v2/store/order", "{\"petId\":1,\"shipDate\":\"yesterday\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("message").asString()).contains("shipDate");
	}

	@Test
	void anOrderWithoutIdGetsAFreshOne() {
		Reply a = api.postJson("/v2/store/order", "{\"petId\":1,\"quantity\":1}");
		Reply b = api.postJson("/v2/store/order", "{\"petId\":1,\"quantity\":1}");
		assertThat(a.status()).isEqualTo(200);
		assertThat(a.json().get("id").asLong()).isPositive().isNotEqualTo(b.json().get("id").asLong());
		assertThat(a.json().get("complete").asBoolean()).isFalse();
	}

	@Test
	void xmlOrdersUseTheReferenceShape() {
		String xml = "<Order><id>61</id><petId>2</petId><quantity>1</quantity><shipDate>2024-05-06T07:08:09Z</shipDate>"
				+ "<status>approved</status><complete>false</complete></Order>";
		Reply reply = api.send("POST", "/v2/store/order", "application/xml", xml, "Accept", "application/xml");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).contains("<Order><complete>false</complete><id>61</id><petId>2</petId><quantity>1</quantity>"
				+ "<shipDate>2024-05-06T07:08:09.000Z</shipDate><status>approved</status></Order>");
	}

	/** As the reference: any status and quantity are stored (strict mode refuses them: ClassicReferenceWalkTest). */
	@Test
	void oddOrdersAreStoredAsSent() {
		var unvalidated = new io.petstore.support.ApiClient(base(), null, tenant); // the document lists the enum
		assertThat(unvalidated.postJson("/v2/store/order", "{\"id\":62,\"petId\":1,\"status\":\"shipped\"}").status()).isEqualTo(200);
		assertThat(unvalidated.get("/v2/store/order/62").json().get("status").asString()).isEqualTo("shipped");
		assertThat(api.postJson("/v2/store/order", "{\"id\":63,\"petId\":1,\"quantity\":-1}").status()).isEqualTo(200);
		assertThat(api.get("/v2/store/order/63").json().get("quantity").asInt()).isEqualTo(-1);
		assertThat(api.postJson("/v2/store/order", "").status()).isEqualTo(400);
		assertThat(api.get("/v2/store/order/64").status()).isEqualTo(404);
	}

	@Test
	void seedOrdersExist() {
		JsonNode order = api.get("/v2/store/order/5").json();
		assertThat(order.get("petId").asLong()).isEqualTo(3);
		assertThat(order.get("quantity").asInt()).isEqualTo(2);
		assertThat(order.get("status").asString()).isEqualTo("placed");
		assertThat(api.get("/v2/store/order/2").json().get("status").asString()).isEqualTo("delivered");
	}

	private String shipDate(String value) {
		Reply reply = api.postJson("/v2/store/order", "{\"petId\":1,\"quantity\":1,\"shipDate\":" + value + "}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("shipDate").asString();
	}

}
