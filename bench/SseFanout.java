import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Live-event fan-out (bench/fanout.sh): LISTENERS anonymous SSE clients on GET /v1/events of a
 * fresh tenant; CHANGES pet status changes through PUT /v1/pets/{id}, one after the other (the next
 * once every listener has the previous one). Latency: from the PUT's response to each listener's
 * receipt (0 when the event arrived first). Prints "changes/s p50 p99 missed" (p50/p99 as "1.23ms").
 * Usage: java bench/SseFanout.java BASE_URL [LISTENERS=100] [CHANGES=50]
 */
public class SseFanout {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int listeners = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		int changes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		String tenant = UUID.randomUUID().toString();
		HttpClient http = HttpClient.newHttpClient();
		String user = "fanout" + tenant.substring(0, 8);
		String token = field(post(http, base + "/v1/users", tenant, null, "{\"username\":\"" + user + "\",\"firstName\":\"Fan\","
				+ "\"lastName\":\"Out\",\"email\":\"" + user + "@example.com\",\"password\":\"Fanout-Pass-123!\"}"), "token");
		String pet = "{\"name\":\"Fanout\",\"species\":\"DOG\",\"breed\":\"Mixed\",\"ageMonths\":7,\"size\":\"SMALL\","
				+ "\"goodWithKids\":true,\"price\":\"10.00\",\"currency\":\"USD\",\"status\":\"%s\"}";
		String petId = field(post(http, base + "/v1/pets", tenant, token, pet.formatted("AVAILABLE")), "id");

		long[][] received = new long[listeners][changes];
		AtomicLongArray counts = new AtomicLongArray(listeners);
		CountDownLatch[] all = new CountDownLatch[changes];
		for (int i = 0; i < changes; i++) {
			all[i] = new CountDownLatch(listeners);
		}
		CountDownLatch open = new CountDownLatch(listeners);
		List<InputStream> streams = new ArrayList<>();
		for (int l = 0; l < listeners; l++) {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events?types=pet.statusChanged"))
				.header("X-Tenant-ID", tenant).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /v1/events: " + response.statusCode());
			}
			streams.add(response.body());
			int listener = l;
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					open.countDown();
					String line;
					while ((line = lines.readLine()) != null) {
						if (line.startsWith("data:")) {
							int k = (int) counts.getAndIncrement(listener);
							if (k < changes) {
								received[listener][k] = System.nanoTime();
								all[k].countDown();
							}
						}
					}
				}
				catch (Exception closed) {
					// done
				}
			});
			reader.setDaemon(true);
			reader.start();
		}
		open.await(30, TimeUnit.SECONDS);
		Thread.sleep(500); // every stream subscribed on the server

		long[] answered = new long[changes];
		long start = System.nanoTime();
		int missed = 0;
		for (int k = 0; k < changes; k++) {
			String status = k % 2 == 0 ? "NOT_AVAILABLE" : "AVAILABLE";
			HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/pets/" + petId))
				.header("X-Tenant-ID", tenant).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(pet.formatted(status))).build(), HttpResponse.BodyHandlers.ofString());
			answered[k] = System.nanoTime();
			if (put.statusCode() != 200) {
				throw new IllegalStateException("PUT: " + put.statusCode() + " " + put.body());
			}
			if (!all[k].await(10, TimeUnit.SECONDS)) {
				missed += (int) all[k].getCount();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Long> latencies = new ArrayList<>();
		for (int l = 0; l < listeners; l++) {
			for (int k = 0; k < changes; k++) {
				if (received[l][k] != 0) {
					latencies.add(Math.max(0, received[l][k] - answered[k]));
				}
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		streams.forEach(s -> {
			try {
				s.close();
			}
			catch (Exception ignored) {
			}
		});
		System.out.printf("%.1f %s %s %d%n", changes / seconds, ms(sorted, 0.50), ms(sorted, 0.99), missed);
		System.exit(0);
	}

	private static String ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return "n/a";
		}
		return String.format("%.2fms", sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6);
	}

	private static String post(HttpClient http, String url, String tenant, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Tenant-ID", tenant)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/** A top-level string field of a JSON object (enough for the two answers read here). */
	private static String field(String json, String name) {
		int at = json.indexOf("\"" + name + "\":\"");
		int from = at + name.length() + 4;
		return json.substring(from, json.indexOf('"', from));
	}

}
