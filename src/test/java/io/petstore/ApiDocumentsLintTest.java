package io.petstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the server serves passes Redocly CLI's lint ({@code redocly.yaml} at the project
 * root: the recommended ruleset, and the classic document's reasoned exceptions). Redocly comes from
 * npm, pinned by {@code src/test/redocly/package-lock.json} (a 1.x for older Node.js in
 * {@code node18/}) and installed once into {@code target/redocly} with {@code npm ci}; without
 * Node.js and npm the test is skipped. Runs in
 * the H2 execution only (the documents do not depend on the database).
 */
class ApiDocumentsLintTest extends IntegrationTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Path DOCS = PROJECT.resolve("target/api-docs");

	private static final Path REDOCLY = PROJECT.resolve("target/redocly");

	private static final Path CONFIG = PROJECT.resolve("redocly.yaml");

	/** The served documents: the alias in redocly.yaml, the file it names, the address. */
	private static final Map<String, String[]> SERVED = new LinkedHashMap<>();

	static {
		SERVED.put("classic-json@v2", new String[] { "classic-v2.json", "/v2/swagger.json" });
		SERVED.put("classic-yaml@v2", new String[] { "classic-v2.yaml", "/v2/swagger.yaml" });
		SERVED.put("inboxes-json@v2", new String[] { "inboxes-v2.json", "/v2/inboxes/openapi.json" });
		SERVED.put("inboxes-yaml@v2", new String[] { "inboxes-v2.yaml", "/v2/inboxes/openapi.yaml" });
		SERVED.put("modern-json@v1", new String[] { "modern-v1.json", "/v1/openapi.json" });
		SERVED.put("modern-yaml@v1", new String[] { "modern-v1.yaml", "/v1/openapi.yaml" });
	}

	private static String cli;

	@BeforeAll
	static void installRedocly() throws Exception {
		Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
				"Node.js and npm are not installed: the Redocly lint of the served documents is skipped "
						+ "(.ci/run installs them with apt-get)");
		String pinned = pinnedFor(run(PROJECT, 60, "node", "--version").output().strip());
		Assumptions.assumeTrue(pinned != null, "Node.js is older than 18.17, which no Redocly CLI pinned here runs on");
		Path source = PROJECT.resolve(pinned);
		Path target = REDOCLY.resolve(source.getFileName());
		Path bin = target.resolve("node_modules/@redocly/cli/bin/cli.js");
		Path lock = source.resolve("package-lock.json");
		Path installedLock = target.resolve("package-lock.json");
		boolean current = Files.exists(bin) && Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1;
		if (!current) {
			Files.createDirectories(target);
			Files.copy(source.resolve("package.json"), target.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
			Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
			Result install = run(target, 600, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
			assertThat(install.exit()).as("npm ci of @redocly/cli in " + target + ":\n" + install.output()).isZero();
		}
		assertThat(bin).exists();
		cli = bin.toString();
	}

	/**
	 * Which pinned CLI runs on this Node.js ({@code v20.20.2}): 2.x needs 20.19+ or 22.12+, 1.34 runs
	 * on 18.17+ (src/test/redocly/README.md); null if neither does.
	 */
	static String pinnedFor(String nodeVersion) {
		java.util.regex.Matcher version = java.util.regex.Pattern.compile("v?(\\d+)\\.(\\d+).*").matcher(nodeVersion);
		if (!version.matches()) {
			return null;
		}
		int major = Integer.parseInt(version.group(1));
		int minor = Integer.parseInt(version.group(2));
		if (major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19)) {
			return "src/test/redocly";
		}
		if (major > 18 || (major == 18 && minor >= 17)) {
			return "src/test/redocly/node18";
		}
		return null;
	}

	@Test
	void everyServedDocumentPassesTheLint() throws Exception {
		List<String> listed = new ArrayList<>();
		for (JsonNode doc : anonymous().get("/docs/apis.json").json()) {
			listed.add(doc.get("url").asString());
		}
		List<String> served = SERVED.values().stream().map(entry -> entry[1]).toList();
		// a document added to the docs page must be added to the lint (and to redocly.yaml)
		assertThat(served).containsAll(listed);
		Files.createDirectories(DOCS);
		for (String[] entry : SERVED.values()) {
			Reply reply = anonymous().get(entry[1]);
			assertThat(reply.status()).as(entry[1]).isEqualTo(200);
			Files.writeString(DOCS.resolve(entry[0]), reply.body(), StandardCharsets.UTF_8);
		}
		List<String> command = new ArrayList<>(List.of("node", cli, "lint", "--config", CONFIG.toString()));
		command.addAll(SERVED.keySet());
		Result lint = run(PROJECT, 300, command.toArray(String[]::new));
		System.out.println(lint.output());
		assertThat(lint.exit()).as("redocly lint of the served documents:\n" + lint.output()).isZero();
		for (String alias : SERVED.keySet()) {
			assertThat(lint.output()).as("linted " + alias).contains(SERVED.get(alias)[0]);
		}
	}

	/** The lint can fail: a copy of the Modern document with a dangling $ref and an operation without responses. */
	@Test
	void theLintRefusesABrokenDocument() throws Exception {
		String modern = anonymous().get("/v1/openapi.yaml").body();
		String broken = modern.replaceFirst("\\$ref: '#/components/schemas/OrderInput'", "\\$ref: '#/components/schemas/NoSuchSchema'");
		assertThat(broken).isNotEqualTo(modern);
		Files.createDirectories(DOCS);
		Path file = DOCS.resolve("broken-modern-v1.yaml");
		Files.writeString(file, broken, StandardCharsets.UTF_8);
		Result lint = run(PROJECT, 300, "node", cli, "lint", "--config", CONFIG.toString(), file.toString());
		assertThat(lint.exit()).as(lint.output()).isNotZero();
		assertThat(lint.output()).contains("no-unresolved-refs").contains("NoSuchSchema");
	}

	private ApiClient anonymous() {
		return new ApiClient(base(), null, null);
	}

	record Result(int exit, String output) {
	}

	private static boolean runs(String... command) {
		try {
			return run(PROJECT, 60, command).exit() == 0;
		}
		catch (IOException missing) {
			return false;
		}
	}

	private static Result run(Path directory, int timeoutSeconds, String... command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		// no telemetry or update check from the CLI; colours off for a readable log
		builder.environment().put("REDOCLY_TELEMETRY", "off");
		builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		builder.environment().put("NO_COLOR", "1");
		builder.environment().put("FORCE_COLOR", "0");
		Process process = builder.start();
		process.getOutputStream().close();
		byte[] output;
		try (InputStream in = process.getInputStream()) {
			output = in.readAllBytes();
		}
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out after " + timeoutSeconds + "s: " + String.join(" ", command));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException(ex);
		}
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
