package io.petstore;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.petstore.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the server acknowledged survives {@code kill -9}. The server runs as a process of its own
 * (a JVM on the test classpath) on the embedded defaults (H2 under its data folder) or on the test
 * PostgreSQL; eight clients write through {@code POST /v2/pet} and {@code POST /v1/pets} and record
 * every id answered 200/201; the process is killed ({@code destroyForcibly}, SIGKILL) while they
 * write; a new process on the same data reads every recorded id back.
 */
class CrashSafetyTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f-]+)\"?");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path dataDir;

	@Test
	void everyAcknowledgedWriteSurvivesKill9() throws Exception {
		String databaseUrl = TestDatabase.isPostgres() ? TestDatabase.newDatabaseUrl("crash") : null;
		UUID tenant = UUID.randomUUID();
		Queue<Long> classicIds = new ConcurrentLinkedQueue<>();
		Queue<String> modernIds = new ConcurrentLinkedQueue<>();

		Server first = Server.start(dataDir, databaseUrl);
		try {
			String token = register(first, tenant);
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService writers = Executors.newFixedThreadPool(8);
			for (int w = 0; w < 8; w++) {
				boolean classic = w % 2 == 0;
				writers.submit(() -> {
					while (!killed.get()) {
						try {
							if (classic) {
								long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
								HttpResponse<String> r = send(first, tenant, null, "POST", "/v2/pet",
										"{\"id\":" + id + ",\"name\":\"crash\",\"photoUrls\":[],\"status\":\"available\"}");
								if (r.statusCode() == 200) {
									classicIds.add(id);
								}
							}
							else {
								HttpResponse<String> r = send(first, tenant, token, "POST", "/v1/pets",
										"{\"name\":\"Crash\",\"species\":\"CAT\",\"ageMonths\":3,\"price\":\"10.00\"}");
								if (r.statusCode() == 201) {
									modernIds.add(id(r.body()));
								}
							}
						}
						catch (IOException | InterruptedException refusedOrCut) {
							// the server is gone: nothing was acknowledged for this request
						}
					}
				});
			}
			Thread.sleep(4000);
			assertThat(classicIds.size() + modernIds.size()).as("writes acknowledged before the kill").isGreaterThan(100);
			first.kill();
			killed.set(true);
			writers.shutdown();
			assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			first.kill();
		}

		Server second = Server.start(dataDir, databaseUrl);
		try {
			List<String> lost = new ArrayList<>();
			for (long id : classicIds) {
				if (send(second, tenant, null, "GET", "/v2/pet/" + id, null).statusCode() != 200) {
					lost.add("/v2/pet/" + id);
				}
			}
			for (String id : modernIds) {
				if (send(second, tenant, null, "GET", "/v1/pets/" + id, null).statusCode() != 200) {
					lost.add("/v1/pets/" + id);
				}
			}
			System.out.printf("acknowledged before kill -9: %d /v2, %d /v1; missing after restart: %d%n", classicIds.size(),
					modernIds.size(), lost.size());
			assertThat(lost).as("acknowledged writes missing after kill -9 (of %d /v2 and %d /v1)", classicIds.size(),
					modernIds.size()).isEmpty();
		}
		finally {
			second.kill();
		}
	}

	private static String register(Server server, UUID tenant) throws Exception {
		HttpResponse<String> r = send(server, tenant, null, "POST", "/v1/users", "{\"username\":\"crasher\",\"firstName\":\"C\","
				+ "\"lastName\":\"R\",\"email\":\"c@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static String id(String body) {
		Matcher m = ID.matcher(body);
		if (!m.find()) {
			throw new AssertionError("no id in " + body);
		}
		return m.group(1);
	}

	private static HttpResponse<String> send(Server server, UUID tenant, String token, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("X-Tenant-ID", tenant.toString())
			.header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The server as a separate JVM on the test classpath (main classes, test configuration, every dependency). */
	private record Server(Process process, int port) {

		static Server start(Path dataDir, String databaseUrl) throws Exception {
			int port;
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-cp", System.getProperty("java.class.path"), PetstoreApplication.class.getName(),
					"--server.port=" + port, "--petstore.data-dir=" + dataDir, "--petstore.webhooks.worker=false",
					"--petstore.rate-limit.enabled=false"));
			// H2: the embedded default's own URL (under petstore.data-dir); PostgreSQL: the test database

			if (databaseUrl != null) {
				command.add("--spring.datasource.url=" + databaseUrl);
				command.add("--spring.datasource.username=" + TestDatabase.username());
			}
			File log = Files.createDirectories(Path.of("target", "crash-test")).resolve("server-" + port + ".log").toFile();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			Server server = new Server(process, port);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new AssertionError("the server process ended at start; see " + log);
				}
				try {
					HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
							+ "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return server;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				Thread.sleep(200);
			}
			server.kill();
			throw new AssertionError("the server did not start in 90 s; see " + log);
		}

		void kill() throws InterruptedException {
			if (process.isAlive()) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

}
