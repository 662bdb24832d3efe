package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions} driven from Node 20 by the npm project in src/test/advisor-js
 * ({@code eventsource-parser} over {@code fetch} for the stream, {@code fetch} for the JSON answer),
 * installed with {@code npm ci} into target/advisor-js once per JVM. Skipped when node or npm is
 * missing.
 */
class ChatCompletionJavaScriptClientTest extends IntegrationTest {

	private static final Path SOURCE = Path.of("src", "test", "advisor-js");

	private static final Path PROJECT = Path.of("target", "advisor-js");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static boolean installed;

	@Test
	void eventsourceParserReadsTheStreamAndFetchTheJsonAnswer() {
		String token = register();
		ApiClient user = new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
		String petId = AdvisorTest.createPet(user, "Js-Pippin", "RABBIT", "42.00", true, "AVAILABLE");
		String question = "Which available rabbits are good with kids under 50 USD?";

		JsonNode result = script(Map.of("PETSTORE_TOKEN", token, "QUESTION", question));

		JsonNode streamed = result.get("streamed");
		assertThat(streamed.get("status").asInt()).isEqualTo(200);
		assertThat(streamed.get("contentType").asString()).startsWith("text/event-stream");
		assertThat(streamed.get("done").asBoolean()).isTrue();
		assertThat(streamed.get("firstRole").asString()).isEqualTo("assistant");
		assertThat(streamed.get("finishReason").asString()).isEqualTo("STOP");
		List<String> ids = new ArrayList<>();
		streamed.get("ids").forEach(id -> ids.add(id.asString()));
		for (int i = 0; i < ids.size(); i++) {
			assertThat(ids.get(i)).isEqualTo(Integer.toString(i));
		}
		String text = streamed.get("text").asString();
		assertThat(text).contains("Js-Pippin", petId, "42.00 USD").endsWith(Answer.DISCLAIMER);
		assertThat(streamed.get("usage").get("completionTokens").asInt()).isEqualTo(ChatCompletionTest.count(text));

		JsonNode whole = result.get("whole");
		assertThat(whole.get("status").asInt()).isEqualTo(201);
		modernValidator().validateSchema("/components/schemas/ChatCompletion", whole.get("body").toString());
		assertThat(whole.get("body").get("choices").get(0).get("message").get("content").asString()).isEqualTo(text);
	}

	private String register() {
		String username = "js" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Jay\",\"lastName\":\"Es\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"Js-Advisor-123!\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private JsonNode script(Map<String, String> environment) {
		install();
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.put("PETSTORE_BASE_URL", base());
		env.put("PETSTORE_TENANT", tenant.toString());
		Result result = run(List.of("node", "scripts/chat.js"), env, 120);
		assertThat(result.code()).as("node scripts/chat.js failed; its stderr:\n" + result.stderr() + "\nits stdout:\n" + result.stdout())
			.isZero();
		return JSON.readTree(result.stdout());
	}

	private static synchronized void install() {
		Assumptions.assumeTrue(works("node", "--version"), "node is not installed: the advisor's JavaScript client test is skipped");
		Assumptions.assumeTrue(works("npm", "--version"), "npm is not installed: the advisor's JavaScript client test is skipped");
		if (installed) {
			return;
		}
		copySources();
		Path stamp = PROJECT.resolve("node_modules/.petstore-lock");
		String lock = read(PROJECT.resolve("package-lock.json"));
		if (!Files.exists(PROJECT.resolve("node_modules/eventsource-parser/package.json"))
				|| !lock.equals(Files.exists(stamp) ? read(stamp) : null)) {
			Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
			assertThat(install.code()).as("npm ci in target/advisor-js:\n" + install.stdout() + install.stderr()).isZero();
			try {
				Files.writeString(stamp, lock, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		installed = true;
	}

	private record Result(int code, String stdout, String stderr) {
	}

	private static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile("advisor-js", ".out");
			Path err = Files.createTempFile("advisor-js", ".err");
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
			return finished ? new Result(process.exitValue(), stdout, stderr)
					: new Result(-1, stdout, stderr + "\n[killed after " + timeoutSeconds + " s]");
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

	private static void copySources() {
		try (Stream<Path> files = Files.walk(SOURCE)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !SOURCE.relativize(f).startsWith("node_modules")).toList()) {
				Path target = PROJECT.resolve(SOURCE.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
