package io.petstore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Multipart;
import io.petstore.support.RawHttp;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path parameter of every operation of every API family, with values no client should send,
 * answers a 4xx, never a 500.
 * <p>
 * The operations come from the served documents ({@code /v2/swagger.json},
 * {@code /v2/inboxes/openapi.json}, {@code /v1/openapi.json}), so a new operation is swept without
 * touching this test. Each templated parameter in turn gets each bad value (the others a valid-looking
 * one: an integer, a UUID or a word, by the parameter's schema): empty (only where the path still
 * routes, i.e. not the last segment), blank ({@code %20}, {@code %20%20}), 10,000 characters,
 * percent-encoded control characters ({@code %00}, {@code %0A}, {@code %1F}, {@code %7F}) and
 * invalid UTF-8 ({@code %C3%28}, {@code %FF}, and the encoded surrogate {@code %ED%A0%80}). Each
 * request carries credentials that reach the handler (a registered /v1 user's token, the configured
 * administrator's token under {@code /v1/admin}, a user's {@code api_key} for the Inboxes API) and a
 * plausible body (the document's example for the operation or for its schema, a small form or
 * upload). Requests go over a raw socket (one connection each, the path exactly as written). Jetty
 * refusing a URI itself (400, 414, 431) is a 4xx too and passes.
 */
class PathParameterSweepTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

	/** The bad values, percent-encoded as they go on the wire (the empty one is added where it routes). */
	private static final List<String> BAD = List.of("%20", "%20%20", "a".repeat(10_000), "%00", "%0A", "%1F", "%7F", "%C3%28",
			"%FF", "%ED%A0%80");

	private static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/** One operation with a templated path: where it is, how to call it. */
	record Operation(String method, String path, Map<String, String> validValues, String contentType, byte[] body,
			String family) {
	}

	@Test
	void everyPathParameterRefusesBadValuesWithA4xx() {
		Map<String, String> credentials = credentials();
		List<Operation> operations = new ArrayList<>();
		operations.addAll(operations(document("/v2/swagger.json"), "classic"));
		operations.addAll(operations(document("/v2/inboxes/openapi.json"), "inboxes"));
		operations.addAll(operations(document("/v1/openapi.json"), "modern"));
		// the documents really were read: every family has templated paths
		assertThat(operations.stream().map(Operation::family).distinct()).containsExactlyInAnyOrder("classic", "inboxes", "modern");
		assertThat(operations).hasSizeGreaterThan(40);

		// with valid values, every operation gets past authentication and body checks to its handler
		// (the resources do not exist: 404), so the bad values below are judged by the handler too
		List<String> unreached = new ArrayList<>();
		for (Operation operation : operations) {
			String raw = exchange(operation, expand(operation, "", ""), credentials);
			int status = status(raw);
			if (!(status >= 200 && status < 300 || status == 404)) {
				unreached.add(describe(operation, "", "") + " -> " + shorten(raw));
			}
		}
		assertThat(unreached).as("operations the sweep does not reach with valid values").isEmpty();

		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Operation operation : operations) {
			for (String parameter : operation.validValues().keySet()) {
				List<String> values = new ArrayList<>(BAD);
				if (!operation.path().endsWith("{" + parameter + "}")) {
					values.add(0, "");
				}
				for (String bad : values) {
					String path = expand(operation, parameter, bad);
					String raw = exchange(operation, path, credentials);
					int status = status(raw);
					requests++;
					if (status < 400 || status > 499) {
						failures.add(describe(operation, parameter, bad) + " -> " + shorten(raw));
					}
				}
			}
		}
		assertThat(failures).as("of %d requests", requests).isEmpty();
	}

	/** Registers a /v1 user, signs the administrator in, and gives a classic user an Inboxes API key. */
	private Map<String, String> credentials() {
		Reply user = api.postJson("/v1/users", "{\"username\":\"sweeper\",\"firstName\":\"S\",\"lastName\":\"W\","
				+ "\"email\":\"sweeper@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		String adminToken = admin().defaultHeader("Authorization");
		assertThat(api.postJson("/v2/user", "{\"username\":\"sweeper\",\"password\":\"Secret-123\"}").status()).isEqualTo(200);
		Reply key = api.postJson("/v2/apikey", "{\"name\":\"sweep\"}", "Authorization", "Basic "
				+ java.util.Base64.getEncoder().encodeToString("sweeper:Secret-123".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(key.status()).as(key.toString()).isEqualTo(201);
		return Map.of("modern", "Bearer " + user.json().get("token").asString(), "admin", adminToken, "inboxes",
				key.json().get("key").asString());
	}

	private static String[] header(Map<String, String> credentials, Operation operation) {
		return switch (operation.family()) {
			case "modern" -> new String[] { "Authorization",
					credentials.get(operation.path().startsWith("/v1/admin/") ? "admin" : "modern") };
			case "inboxes" -> new String[] { "api_key", credentials.get("inboxes") };
			default -> new String[] { "api_key", "special-key" };
		};
	}

	private JsonNode document(String path) {
		Reply reply = new ApiClient(base(), null, null).get(path);
		assertThat(reply.status()).isEqualTo(200);
		return JSON.readTree(reply.body());
	}

	/** The operations of a document (Swagger 2.0 or OpenAPI 3.x) whose path has parameters. */
	private static List<Operation> operations(JsonNode document, String family) {
		boolean swagger2 = document.has("swagger");
		String base = swagger2 ? document.get("basePath").asString() : document.get("servers").get(0).get("url").asString();
		List<Operation> operations = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator(); paths.hasNext();) {
			Map.Entry<String, JsonNode> entry = paths.next();
			if (!entry.getKey().contains("{")) {
				continue;
			}
			JsonNode item = entry.getValue();
			for (String method : METHODS) {
				JsonNode operation = item.get(method);
				if (operation == null) {
					continue;
				}
				List<JsonNode> parameters = new ArrayList<>();
				item.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
				operation.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
				Map<String, String> valid = new LinkedHashMap<>();
				Matcher names = TEMPLATE.matcher(entry.getKey());
				while (names.find()) {
					String name = names.group(1);
					JsonNode parameter = parameters.stream()
						.filter(p -> name.equals(p.path("name").asString()) && "path".equals(p.path("in").asString()))
						.findFirst()
						.orElseThrow(() -> new AssertionError(method + " " + entry.getKey() + " does not declare {" + name + "}"));
					valid.put(name, validValue(swagger2 ? parameter : parameter.path("schema")));
				}
				String[] contentAndBody = swagger2 ? body2(document, operation, parameters) : body3(document, operation);
				operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), base + entry.getKey(), valid,
						contentAndBody == null ? null : contentAndBody[0], contentAndBody == null ? null : bytes(contentAndBody),
						family));
			}
		}
		return operations;
	}

	private static String validValue(JsonNode schema) {
		String type = schema.path("type").asString();
		if (type.equals("integer") || type.equals("number")) {
			return "1";
		}
		if (schema.path("format").asString().equals("uuid")) {
			return UUID.randomUUID().toString();
		}
		return "sweep";
	}

	/** Content type and body for a Swagger 2.0 operation: JSON for a body parameter, else a form. */
	private static String[] body2(JsonNode document, JsonNode operation, List<JsonNode> parameters) {
		if (parameters.stream().anyMatch(p -> "body".equals(p.path("in").asString()))) {
			return new String[] { "application/json", "{}" };
		}
		boolean file = parameters.stream().anyMatch(p -> "file".equals(p.path("type").asString()));
		if (file) {
			return multipart();
		}
		if (parameters.stream().anyMatch(p -> "formData".equals(p.path("in").asString()))) {
			return new String[] { "application/x-www-form-urlencoded", "name=sweep" };
		}
		return null;
	}

	/** Content type and body for an OpenAPI 3 operation: the example given for it or for its schema. */
	private static String[] body3(JsonNode document, JsonNode operation) {
		if (!operation.has("requestBody")) {
			return null;
		}
		JsonNode content = resolve(document, operation.get("requestBody")).path("content");
		if (content.has("application/json")) {
			JsonNode media = content.get("application/json");
			JsonNode example = media.has("example") ? media.get("example") : exampleOf(document, media.path("schema"));
			return new String[] { "application/json", example == null ? "{}" : example.toString() };
		}
		if (content.has("multipart/form-data")) {
			return multipart();
		}
		if (content.has("application/x-www-form-urlencoded")) {
			return new String[] { "application/x-www-form-urlencoded", "name=sweep" };
		}
		return null;
	}

	/** The schema's own example, else the example of another operation whose body has this schema. */
	private static JsonNode exampleOf(JsonNode document, JsonNode schema) {
		if (!schema.has("$ref")) {
			return null;
		}
		JsonNode resolved = resolve(document, schema);
		if (resolved.has("example")) {
			return resolved.get("example");
		}
		if (resolved.has("examples") && resolved.get("examples").isArray() && !resolved.get("examples").isEmpty()) {
			return resolved.get("examples").get(0);
		}
		String ref = schema.get("$ref").asString();
		for (JsonNode item : document.get("paths")) {
			for (String method : METHODS) {
				JsonNode media = item.path(method).path("requestBody").path("content").path("application/json");
				if (media.has("example") && ref.equals(media.path("schema").path("$ref").asString())) {
					return media.get("example");
				}
			}
		}
		return null;
	}

	private static String[] multipart() {
		Multipart form = new Multipart().field("additionalMetadata", "sweep").file("file", "pixel.png", "image/png", PNG);
		return new String[] { form.contentType(), null, java.util.Base64.getEncoder().encodeToString(form.bytes()) };
	}

	private static byte[] bytes(String[] contentAndBody) {
		if (contentAndBody.length > 2) {
			return java.util.Base64.getDecoder().decode(contentAndBody[2]);
		}
		return contentAndBody[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		if (node.has("$ref")) {
			return document.at(node.get("$ref").asString().substring(1));
		}
		return node;
	}

	private static String expand(Operation operation, String bad, String value) {
		String path = operation.path();
		for (Map.Entry<String, String> parameter : operation.validValues().entrySet()) {
			path = path.replace("{" + parameter.getKey() + "}", parameter.getKey().equals(bad) ? value : parameter.getValue());
		}
		return path;
	}

	/** The raw response ("" when the server closed without one). */
	private String exchange(Operation operation, String path, Map<String, String> credentials) {
		try {
			return RawHttp.exchange(port, tenant, operation.method(), path, operation.contentType(), operation.body(), false,
					header(credentials, operation));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(operation.method() + " " + path, ex);
		}
	}

	private static int status(String raw) {
		return raw.startsWith("HTTP/1.1 ") && raw.length() >= 12 ? Integer.parseInt(raw.substring(9, 12)) : -1;
	}

	/** The status line and the start of the body. */
	private static String shorten(String raw) {
		if (raw.isEmpty()) {
			return "no answer (connection closed)";
		}
		int endOfHead = raw.indexOf("\r\n\r\n");
		String body = endOfHead < 0 ? "" : raw.substring(endOfHead + 4);
		return raw.lines().findFirst().orElse("") + " " + body.substring(0, Math.min(300, body.length()));
	}

	private static String describe(Operation operation, String parameter, String value) {
		if (parameter.isEmpty()) {
			return operation.method() + " " + operation.path();
		}
		String shown = value.length() > 20 ? value.length() + " characters" : value.isEmpty() ? "(empty)" : value;
		return operation.method() + " " + operation.path() + " with " + parameter + "=" + shown;
	}

}
