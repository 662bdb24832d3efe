package io.petstore.socketio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The npm project of src/test/socketio-js (socket.io-client 4.8.4, ws 8.23.0), installed with
 * {@code npm ci} into target/socketio-js once per JVM (kept while its lock file is unchanged), and
 * its scripts run with the machine's Node 20. Skips the test when node or npm is missing.
 */
final class NodeScripts {

	private static final Path SOURCE = Path.of("src", "test", "socketio-js");

	private static final Path PROJECT = Path.of("target", "socketio-js");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static boolean installed;

	private NodeScripts() {
	}

	/** Runs scripts/{name}.js against this server and tenant; answers the JSON it printed. */
	static JsonNode run(String name, String base, String tenant, Map<String, String> environment) {
		install();
		Map<String, String> env = new HashMap<>(environment);
		env.put("PETSTORE_BASE_URL", base);
		env.put("PETSTORE_TENANT", tenant);
		Result result = exec(List.of("node", "scripts/" + name + ".js"), env, 180);
		System.out.println("node scripts/" + name + ".js (exit " + result.code() + ")\n--- stderr\n" + result.stderr() + "--- stdout\n"
				+ result.stdout());
		assertThat(result.code()).as("node scripts/" + name + ".js failed; its stderr:\n" + result.stderr() + "\nits stdout:\n" + result.stdout())
			.isZero();
		try {
			return JSON.readTree(result.stdout());
		}
		catch (RuntimeException ex) {
			throw new AssertionError("scripts/" + name + ".js printed no JSON: " + result.stdout() + "\n" + result.stderr(), ex);
		}
	}

	private static synchronized void install() {
		Assumptions.assumeTrue(works("node", "--version"), "node is not installed: the Socket.IO client tests are skipped");
		Assumptions.assumeTrue(works("npm", "--version"), "npm is not installed: the Socket.IO client tests are skipped");
		if (installed) {
			return;
		}
		copySources();
		Path stamp = PROJECT.resolve("node_modules/.petstore-lock");
		String lock = read(PROJECT.resolve("package-lock.json"));
		if (!Files.exists(PROJECT.resolve("node_modules/socket.io-client/package.json"))
				|| !lock.equals(Files.exists(stamp) ? read(stamp) : null)) {
			Result install = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
			assertThat(install.code()).as("npm ci in target/socketio-js:\n" + install.stdout() + install.stderr()).isZero();
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

	private static Result exec(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile("socketio-js", ".out");
			Path err = Files.createTempFile("socketio-js", ".err");
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
					: new Result(-1, stdout, stderr + "\n[killed after " + timeoutSeconds + " s: " + String.join(" ", command) + "]");
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
