package io.petstore.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits that need their settings lowered (or raised) to be seen in a test: a slow consumer is cut
 * off while the others keep receiving promptly (the rates are raised so that one client can flood).
 */
@TestPropertySource(properties = { "petstore.chat.send-buffer-bytes=65536", "petstore.chat.send-time-limit=2s",
		"petstore.chat.rate-per-second=5000", "petstore.chat.rate-burst=5000", "petstore.rate-limit.requests=100000" })
class ChatWebSocketLimitsTest extends ChatTestSupport {

	@Autowired
	Connections connections;

	@Test
	void aClientThatStopsReadingIsCutOffAndTheOthersStillReceivePromptly() throws Exception {
		Account customer = register("cust");
		Account agent = agent("staff");
		try (ChatClient sender = connect(customer); ChatClient listener = connect(agent)) {
			String id = open(sender, "flood");
			listener.send(json("joinChat", "conversationId", id));
			listener.next("joined");
			// the slow one: the agent again, on a raw socket with a tiny receive buffer that it never reads
			try (RawWebSocket slow = RawWebSocket.open(port, "/v1/ws/chat?token=" + agent.token() + "&tenant=" + tenant, Map.of(), 2048)) {
				assertThat(slow.status).isEqualTo(101);
				slow.sendText(json("joinChat", "conversationId", id));
				awaitConnections(agent, 2);
				String filler = "z".repeat(3900);
				List<Long> latencies = new ArrayList<>();
				boolean cut = false;
				for (int i = 0; i < 3000 && !cut; i++) {
					long sent = System.nanoTime();
					sender.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"" + i + " " + filler + "\"}");
					String prefix = i + " ";
					listener.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("content").asString().startsWith(prefix),
							"message " + i, 10_000);
					latencies.add((System.nanoTime() - sent) / 1_000_000);
					cut = connectionsOf(agent) == 1;
				}
				assertThat(cut).as("the connection that stopped reading was cut off").isTrue();
				// the others go on, promptly
				long sent = System.nanoTime();
				sender.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"after the cut\"}");
				listener.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("content").asString().equals("after the cut"),
						"after the cut", 5_000);
				long after = (System.nanoTime() - sent) / 1_000_000;
				latencies.sort(null);
				System.out.println("slow consumer cut after " + latencies.size() + " messages; fan-out latency p50 "
						+ latencies.get(latencies.size() / 2) + " ms, max " + latencies.get(latencies.size() - 1) + " ms; after the cut " + after + " ms");
				assertThat(latencies.get(latencies.size() - 1)).as("no message to the reading client waited on the slow one").isLessThan(2_000);
				assertThat(slow.drainUntilClosed(10_000)).as("the slow client's TCP connection is closed").isTrue();
				assertThat(sender.isOpen()).isTrue();
				assertThat(listener.isOpen()).isTrue();
			}
		}
	}

	private int connectionsOf(Account account) {
		return connections.count(new io.petstore.tenancy.Tenant(tenant), java.util.UUID.fromString(account.id()));
	}

	private void awaitConnections(Account account, int expected) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (connectionsOf(account) != expected && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(connectionsOf(account)).isEqualTo(expected);
	}

}
