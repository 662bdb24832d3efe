package io.petstore.socketio;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import io.petstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Socket.IO limits with small settings, driven by socket.io-client and a raw engine.io client
 * on ws (src/test/socketio-js/scripts/limits.js): connections per user, the packet size cap, a
 * malformed packet, the per-connection event rate and what sustained abuse gets, the ping timeout
 * of a client that stops answering. Skipped when node or npm is missing.
 */
@TestPropertySource(properties = { "petstore.chat.connections-per-user=3", "petstore.chat.max-frame-bytes=2048",
		"petstore.chat.rate-per-second=5", "petstore.chat.rate-burst=5", "petstore.chat.abuse-rejections=20",
		"petstore.chat.send-buffer-bytes=2048",
		"petstore.socketio.ping-interval=1000", "petstore.socketio.ping-timeout=1000" })
class SocketIoLimitsTest extends IntegrationTest {

	@Test
	void limitsAnswerInTheProtocolAndSpareTheOthers() {
		JsonNode result = NodeScripts.run("limits", base(), tenant.toString(),
				Map.of("MAX_PER_USER", "3", "EVENT_BURST", "5", "MAX_FRAME", "2048", "ABUSE", "20"));

		// one connection more than allowed: connect_error TOO_MANY_REQUESTS; once one closes, room again
		JsonNode extra = result.get("extra");
		assertThat(extra.get("error").get("message").asString()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(extra.get("error").get("data").get("message").asString()).contains("3");
		assertThat(extra.get("connected").asBoolean()).isFalse();
		assertThat(result.get("afterOneClosed").get("connected").asBoolean()).as(result.get("afterOneClosed").toString()).isTrue();

		// a packet past the cap and a malformed one: chatError, the socket stays connected
		assertThat(result.get("tooLarge").get("code").asString()).isEqualTo("MESSAGE_TOO_LARGE");
		assertThat(result.get("tooLarge").get("requestType").asString()).isEqualTo("typingStarted");
		assertThat(result.get("tooLarge").get("message").asString()).contains("2048");
		assertThat(result.get("malformed").get("code").asString()).isEqualTo("BAD_REQUEST");

		// 15 events at once with a burst of 5: some refused with TOO_MANY_REQUESTS, not all
		JsonNode rate = result.get("rate");
		assertThat(rate.size()).isBetween(1, 10);
		assertThat(rate.get(0).get("requestType").asString()).isEqualTo("typingStopped");
		assertThat(result.get("connectedAfterErrors").asBoolean()).isTrue();
		assertThat(result.get("liveAfterErrors").asBoolean()).isTrue();

		// sustained abuse closes that connection only
		assertThat(result.get("abuse").get("disconnectReason").asString()).isNotBlank();
		assertThat(result.get("othersStillConnected").asBoolean()).isTrue();

		// a client that answers no ping is closed after ping interval + timeout (1 s + 1 s here)
		JsonNode silent = result.get("silent");
		assertThat(silent.get("frames").get(0).asString()).startsWith("0{");
		assertThat(silent.get("frames").toString()).contains("\"40{").contains("\"2\"");
		assertThat(silent.get("afterMs").asLong()).isBetween(1500L, 10_000L);
	}

}
