package io.petstore.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.petstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /v1/events driven by real JavaScript clients on Node 20: {@code eventsource} 4.1 (which
 * reconnects by itself with {@code Last-Event-ID} when its stream is cut) and
 * {@code eventsource-parser} 3 over fetch; the npm project in src/test/live-js, installed with
 * {@code npm ci} into target/live-js once per JVM. Skipped when node or npm is missing.
 */
class LiveEventsJavaScriptClientTest extends IntegrationTest {

	private static final Path SOURCE = Path.of("src", "test", "live-js");

	private static final Path PROJECT = Path.of("target", "live-js");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static boolean installed;

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

	// node (as GraphqlJavaScriptClientTest)

	private JsonNode script(String name) {
		install();
		Result result = run(List.of("node", "scripts/" + name + ".js"),
				Map.of("PETSTORE_BASE_URL", base(), "PETSTORE_TENANT", tenant.toString()), 120);
		System.out.println("node scripts/" + name + ".js (exit " + result.code() + ")\n--- stderr\n" + result.stderr() + "--- stdout\n"
				+ result.stdout());
		assertThat(result.code()).as("node scripts/" + name + ".js failed; its stderr:\n" + result.stderr()).isZero();
		return JSON.readTree(result.stdout());
	}

	private static synchronized void install() {
		Assumptions.assumeTrue(works("node", "--version"), "node is not installed: the SSE JavaScript client tests are skipped");
		Assumptions.assumeTrue(works("npm", "--version"), "npm is not installed: the SSE JavaScript client tests are skipped");
		if (installed) {
			return;
		}
		try (Stream<Path> files = Files.walk(SOURCE)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !SOURCE.relativize(f).startsWith("node_modules")).toList()) {
				Path target = PROJECT.resolve(SOURCE.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
			Path stamp = PROJECT.resolve("node_modules/.petstore-lock");
			String lock = Files.readString(PROJECT.resolve("package-lock.json"), StandardCharsets.UTF_8);
			if (!Files.exists(PROJECT.resolve("node_modules/eventsource/package.json"))
					|| !lock.equals(Files.exists(stamp) ? Files.readString(stamp) : null)) {
				Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
				assertThat(install.code()).as("npm ci in target/live-js:\n" + install.stdout() + install.stderr()).isZero();
				Files.writeString(stamp, lock, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		installed = true;
	}

	private record Result(int code, String stdout, String stderr) {
	}

	private static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile("live-js", ".out");
			Path err = Files.createTempFile("live-js", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			String stdout = Files.readString(out);
			String stderr = Files.readString(err);
			Files.delete(out);
			Files.delete(err);
			return finished ? new Result(process.exitValue(), stdout, stderr) : new Result(-1, stdout, stderr + "\n[killed after timeout]");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean works(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
