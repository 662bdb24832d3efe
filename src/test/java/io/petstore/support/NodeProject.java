package io.petstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An npm project under {@code src/test/<folder>} whose scripts drive the server with real
 * JavaScript clients (graphql-ws, ws, socket.io-client, eventsource, ...): copied to
 * {@code target/<folder>}, installed with {@code npm ci} once per JVM (kept while its lock file is
 * unchanged), its {@code scripts/<name>.js} run with the machine's Node. A test using it is
 * skipped where node or npm is missing; {@code .ci/run} installs them.
 * <p>
 * A script prints progress on stderr and exactly one JSON document on stdout, which the test
 * asserts on; a non-zero exit fails the test with the script's output.
 */
public final class NodeProject {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();

	private final String folder;

	private final Path source;

	private final Path project;

	private final String checkedModule;

	private final List<String> npmCiOptions;

	private NodeProject(String folder, String checkedModule, List<String> npmCiOptions) {
		this.folder = folder;
		this.source = Path.of("src", "test", folder);
		this.project = Path.of("target", folder);
		this.checkedModule = checkedModule;
		this.npmCiOptions = npmCiOptions;
	}

	/**
	 * The project in {@code src/test/<folder>}; {@code checkedModule} is a dependency whose presence
	 * in node_modules says it was installed; {@code npmCiOptions} are added to {@code npm ci}.
	 */
	public static NodeProject of(String folder, String checkedModule, String... npmCiOptions) {
		return new NodeProject(folder, checkedModule, List.of(npmCiOptions));
	}

	/** Skips the calling test when node or npm is missing; otherwise installs the project once. */
	public void install() {
		Assumptions.assumeTrue(works("node", "--version"), "node is not installed: the tests of src/test/" + folder + " are skipped");
		Assumptions.assumeTrue(works("npm", "--version"), "npm is not installed: the tests of src/test/" + folder + " are skipped");
		synchronized (NodeProject.class) {
			if (INSTALLED.containsKey(folder)) {
				return;
			}
			copySources();
			Path stamp = project.resolve("node_modules/.petstore-lock");
			String lock = read(project.resolve("package-lock.json"));
			if (!Files.exists(project.resolve("node_modules/" + checkedModule + "/package.json"))
					|| !lock.equals(Files.exists(stamp) ? read(stamp) : null)) {
				List<String> command = new ArrayList<>(List.of("npm", "ci", "--no-audit", "--no-fund"));
				command.addAll(npmCiOptions);
				Result install = exec(command, Map.of(), 600);
				assertThat(install.code()).as("npm ci in target/" + folder + ":\n" + install.stdout() + install.stderr()).isZero();
				write(stamp, lock);
			}
			INSTALLED.put(folder, true);
		}
	}

	/**
	 * Installs if needed, runs {@code node scripts/<name>.js} with these environment variables,
	 * asserts it exited 0 and answers the JSON it printed.
	 */
	public JsonNode script(String name, Map<String, String> environment, int timeoutSeconds) {
		install();
		Result result = exec(List.of("node", "scripts/" + name + ".js"), new HashMap<>(environment), timeoutSeconds);
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

	/** What a command printed and how it ended (-1: killed after its timeout). */
	public record Result(int code, String stdout, String stderr) {
	}

	/** Runs a command in the installed project's folder. */
	public Result exec(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile(folder, ".out");
			Path err = Files.createTempFile(folder, ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
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

	/** Whether this command runs and exits 0 (node --version: is Node installed?). */
	public static boolean works(String... command) {
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

	private void copySources() {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !source.relativize(f).startsWith("node_modules")).toList()) {
				Path target = project.resolve(source.relativize(file).toString());
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

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
