package io.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * The structured-logs switch (README, Settings): with LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs in the
 * environment every console line is one JSON object; unset, plain lines. Spring Boot's logging
 * set-up as the server runs it (our application.properties, no logback file of our own), in a JVM
 * of its own (the format, once set, stays for the JVM's life) on an empty context, so it is cheap.
 */
class StructuredLoggingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}

	/** The child JVM: Spring Boot's logging set-up, one line of ours, exit. */
	public static void main(String[] args) {
		try (var context = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args)) {
			LoggerFactory.getLogger("io.petstore.structured").info("structured line \"quoted\"");
		}
	}

	@Test
	void ecsSwitchPrintsOneJsonObjectPerLine() throws Exception {
		List<String> lines = run("ecs");
		assertThat(lines).hasSizeGreaterThan(1);
		List<JsonNode> records = lines.stream().map(JSON::readTree).toList();
		assertThat(records).allSatisfy(record -> assertThat(record.isObject()).isTrue());
		assertThat(records).anySatisfy(record -> {
			assertThat(record.get("message").asString()).isEqualTo("structured line \"quoted\"");
			assertThat(record.get("log").get("level").asString()).isEqualTo("INFO");
			assertThat(record.get("log").get("logger").asString()).isEqualTo("io.petstore.structured");
			assertThat(record.get("@timestamp").asString()).isNotEmpty();
			assertThat(record.get("service").get("name").asString()).isEqualTo("petstore");
		});
	}

	@Test
	void logstashToo() throws Exception {
		assertThat(run("logstash").stream().map(JSON::readTree).toList())
			.anySatisfy(record -> assertThat(record.get("message").asString()).isEqualTo("structured line \"quoted\""))
			.allSatisfy(record -> assertThat(record.get("@timestamp").asString()).isNotEmpty());
	}

	@Test
	void withoutTheSwitchLinesArePlainText() throws Exception {
		assertThat(run(null).stream().filter(line -> line.contains("structured line")).toList()).singleElement()
			.satisfies(line -> assertThat(line).doesNotStartWith("{").contains("INFO", "io.petstore.structured"));
	}

	/** The child JVM's non-blank output lines, with LOGGING_STRUCTURED_FORMAT_CONSOLE=format (null: unset). */
	private static List<String> run(String format) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StructuredLoggingTest.class.getName()).redirectErrorStream(true);
		builder.environment().remove("LOGGING_STRUCTURED_FORMAT_CONSOLE");
		if (format != null) {
			builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", format);
		}
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out.lines().filter(line -> !line.isBlank()).toList();
	}

}
