package io.petstore.socketio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow consumer on long-polling: a raw engine.io client that connects and then stops polling is
 * cut off once more than {@code petstore.chat.send-buffer-bytes} wait for it, while another
 * connection of the same user, polling all along, receives every event.
 */
@TestPropertySource(properties = "petstore.chat.send-buffer-bytes=1500")
class SocketIoSlowConsumerTest extends IntegrationTest {

	private static final Pattern SID = Pattern.compile("\"sid\":\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aClientThatStopsPollingIsCutOffAndTheOthersGetEverything() throws Exception {
		String username = "sioslow" + UUID.randomUUID().toString().substring(0, 8);
		Reply registered = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"S\",\"lastName\":\"Low\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"Slow-Pass-123!\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String token = registered.json().get("token").asString();
		ApiClient user = new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);

		String slow = open(token);
		String steady = open(token);
		List<String> steadyReceived = new CopyOnWriteArrayList<>();
		AtomicBoolean polling = new AtomicBoolean(true);
		Thread poller = new Thread(() -> {
			while (polling.get()) {
				try {
					HttpResponse<String> poll = get(steady);
					if (poll.statusCode() != 200) {
						return;
					}
					steadyReceived.add(poll.body());
				}
				catch (IOException | InterruptedException ex) {
					return;
				}
			}
		});
		poller.setDaemon(true);
		poller.start();

		int orders = 8;
		for (int i = 0; i < orders; i++) {
			Reply pet = user.postJson("/v1/pets", "{\"name\":\"Slow-" + i + "\",\"species\":\"DOG\",\"breed\":\"Mixed\",\"ageMonths\":7,"
					+ "\"size\":\"SMALL\",\"goodWithKids\":true,\"price\":\"10.00\",\"currency\":\"USD\",\"status\":\"AVAILABLE\","
					+ "\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
			assertThat(pet.status()).as(pet.toString()).isEqualTo(201);
			Reply order = user.postJson("/v1/orders", "{\"petId\":\"" + pet.json().get("id").asString() + "\"}");
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
			assertThat(user.delete("/v1/orders/" + order.json().get("id").asString()).status()).isEqualTo(204);
		}

		// the steady connection receives all 16 changes
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (count(steadyReceived, "orderStatusChanged") < 2 * orders && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		polling.set(false);
		assertThat(count(steadyReceived, "orderStatusChanged")).isEqualTo(2 * orders);

		// the slow one: what was queued before the cut, then the end of the session
		StringBuilder slowReceived = new StringBuilder();
		int status = 200;
		for (int i = 0; i < 5 && status == 200; i++) {
			HttpResponse<String> poll = get(slow);
			status = poll.statusCode();
			if (status == 200) {
				slowReceived.append(poll.body()).append('\u001e');
			}
		}
		assertThat(status).as("the cut-off session ends: " + slowReceived).isEqualTo(400);
		int slowEvents = count(List.of(slowReceived.toString()), "orderStatusChanged");
		assertThat(slowEvents).as("events queued for the slow client before it was cut off").isLessThan(2 * orders);
	}

	/** A raw engine.io polling connection, connected to the main namespace with the token. */
	private String open(String token) throws Exception {
		HttpResponse<String> handshake = http.send(HttpRequest.newBuilder(URI.create(base() + "/socket.io/?EIO=4&transport=polling")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(handshake.statusCode()).isEqualTo(200);
		Matcher sid = SID.matcher(handshake.body());
		assertThat(sid.find()).as(handshake.body()).isTrue();
		String id = sid.group(1);
		HttpResponse<String> connect = http.send(HttpRequest.newBuilder(uri(id))
			.POST(HttpRequest.BodyPublishers.ofString("40{\"token\":\"" + token + "\",\"tenant\":\"" + tenant + "\"}"))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(connect.body()).isEqualTo("ok");
		StringBuilder seen = new StringBuilder();
		for (int i = 0; i < 5 && !seen.toString().contains("\"connected\""); i++) {
			seen.append(get(id).body());
		}
		assertThat(seen.toString()).as("the namespace connect and `connected`").contains("40{").contains("\"connected\"");
		return id;
	}

	private HttpResponse<String> get(String sid) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(sid)).timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String sid) {
		return URI.create(base() + "/socket.io/?EIO=4&transport=polling&sid=" + sid);
	}

	private static int count(List<String> bodies, String event) {
		int n = 0;
		for (String body : bodies) {
			int at = 0;
			while ((at = body.indexOf("[\"" + event + "\"", at)) >= 0) {
				n++;
				at++;
			}
		}
		return n;
	}

}
