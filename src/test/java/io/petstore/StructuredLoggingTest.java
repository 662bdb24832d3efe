package io.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * The structured-logs switch (README, Settings): with {@code logging.structured.format.console}
 * set, as LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs does, every console line is one JSON object; unset,
 * the plain lines. Spring Boot's logging set-up as the server runs it (our application.properties,
 * no logback file of our own), on an empty context so the test stays cheap.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}

	@AfterEach
	void plainLogsAgain() {
		// the logging system is per JVM: leave it as the other tests expect it
		start().close();
	}

	@Test
	void ecsSwitchPrintsOneJsonObjectPerLine(CapturedOutput output) {
		try (var context = start("--logging.structured.format.console=ecs")) {
			LoggerFactory.getLogger("io.petstore.structured").info("structured line \"quoted\"");
		}
		List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty();
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
	void withoutTheSwitchLinesArePlainText(CapturedOutput output) {
		try (var context = start()) {
			LoggerFactory.getLogger("io.petstore.structured").info("plain line");
		}
		assertThat(output.getOut().lines().filter(line -> line.contains("plain line")).toList()).singleElement()
			.satisfies(line -> assertThat(line).doesNotStartWith("{").contains("INFO", "io.petstore.structured"));
	}

	private static org.springframework.context.ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args);
	}

}
