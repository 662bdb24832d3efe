package io.petstore.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.IntegrationTest;
import io.petstore.support.NodeProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /v1/events driven by real JavaScript clients on Node 20: {@code eventsource} 4.1 (which
 * reconnects by itself with {@code Last-Event-ID} when its stream is cut) and
 * {@code eventsource-parser} 3 over fetch; the npm project in src/test/live-js, installed with
 * {@code npm ci} into target/live-js once per JVM. Skipped when node or npm is missing.
 */
class LiveEventsJavaScriptClientTest extends IntegrationTest {

	private static final NodeProject NODE = NodeProject.of("live-js", "eventsource");

	@Test
	void eventsourceReconnectsWithLastEventIdAndMissesNothing() {
		JsonNode result = script("sse");
		String order1 = result.get("order1").asString();
		String order2 = result.get("order2").asString();

		assertThat(statuses(result.get("received"))).containsExactly(order1 + " order.statusChanged PLACED",
				order1 + " order.statusChanged APPROVED", order1 + " payment.succeeded SUCCEEDED", order2 + " order.statusChanged PLACED",
				order2 + " order.statusChanged CANCELLED");
		List<Long> ids = ids(result.get("received"));
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		// eventsource reconnected once by itself, sending the id of the last event it had
		assertThat(result.get("opens").asInt()).isEqualTo(2);
		assertThat(result.get("requests")).hasSize(2);
		assertThat(result.get("requests").get(0).get("lastEventId").isNull()).isTrue();
		assertThat(result.get("requests").get(1).get("lastEventId").asString()).isEqualTo(Long.toString(ids.get(2)));
		JsonNode payment = result.get("received").get(2).get("data");
		assertThat(payment.get("amount").asString()).isEqualTo("33.00");
		assertThat(payment.get("payment").toString()).doesNotContain("4242424242424242");

		// eventsource-parser over fetch, resuming after the first event, only order events
		assertThat(result.get("streamContentType").asString()).startsWith("text/event-stream");
		assertThat(statuses(result.get("resumed"))).containsExactly(order1 + " order.statusChanged APPROVED",
				order2 + " order.statusChanged PLACED", order2 + " order.statusChanged CANCELLED");

		// refusals in their own form
		JsonNode badTypes = result.get("badTypes");
		assertThat(badTypes.get("status").asInt()).isEqualTo(400);
		assertThat(badTypes.get("contentType").asString()).startsWith("application/problem+json");
		assertThat(badTypes.get("json").get("detail").asString()).contains("pet.teleported");
		assertThat(result.get("refusal").get("code").asInt()).as("an anonymous EventSource asking for orders").isEqualTo(401);
		assertThat(result.get("refusal").get("readyState").asInt()).as("CLOSED: no reconnect after a refusal").isEqualTo(2);
	}

	private static List<String> statuses(JsonNode events) {
		List<String> statuses = new ArrayList<>();
		events.forEach(event -> statuses.add(event.get("data").get("orderId").asString() + " " + event.get("type").asString() + " "
				+ event.get("data").get("status").asString()));
		return statuses;
	}

	private static List<Long> ids(JsonNode events) {
		List<Long> ids = new ArrayList<>();
		events.forEach(event -> ids.add(Long.parseLong(event.get("id").asString())));
		return ids;
	}

	// node

	private JsonNode script(String name) {
		return NODE.script(name, Map.of("PETSTORE_BASE_URL", base(), "PETSTORE_TENANT", tenant.toString()), 120);
	}

}
