package io.petstore.v1;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks {@code /v1/openapi.json}: for every query, path and header parameter of every operation, and
 * every constraint its schema states ({@code maxLength}, {@code minLength}, {@code maximum},
 * {@code minimum}, {@code enum}, {@code pattern}, {@code format} uuid/date/date-time, {@code type}
 * integer/boolean), sends a value that breaks it (everything else valid, as the administrator, so
 * that no caller check answers first) and expects a 400 problem that names the parameter.
 */
class DocumentedParametersTest extends ModernApiTest {

	record Violation(String constraint, String value) {
	}

	@Test
	void everyDocumentedParameterConstraintIsEnforced() {
		ApiClient admin = admin();
		JsonNode doc = api.get("/v1/openapi.json").json();
		List<String> checked = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			JsonNode item = path.getValue();
			for (var entry : item.properties()) {
				JsonNode op = entry.getValue();
				if (!op.isObject() || !op.has("responses")) {
					continue;
				}
				String method = entry.getKey().toUpperCase(java.util.Locale.ROOT);
				Map<String, JsonNode> parameters = new LinkedHashMap<>();
				collect(doc, item.get("parameters"), parameters);
				collect(doc, op.get("parameters"), parameters);
				for (JsonNode parameter : parameters.values()) {
					JsonNode schema = resolve(doc, parameter.get("schema"));
					for (Violation violation : violations(schema)) {
						String name = parameter.get("name").asString();
						String what = method + " " + path.getKey() + " " + parameter.get("in").asString() + " " + name + " "
								+ violation.constraint();
						checked.add(what);
						Reply reply = send(admin, doc, method, path.getKey(), op, parameters, parameter, violation.value());
						boolean ok = reply.status() == 400 && "application/problem+json".equals(reply.contentType())
								&& reply.json().get("detail").asString().contains(name);
						if (!ok) {
							failures.add(what + " = '" + violation.value() + "': " + reply);
						}
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		// the walk reached the constraints issue 16 named, and the kinds of constraint there are
		assertThat(checked).contains("GET /webhook-deliveries query eventType maxLength",
				"GET /webhook-deliveries query status enum", "GET /webhook-deliveries query webhookId format",
				"GET /pets query limit maximum", "GET /pets query ageMin minimum", "GET /pets query goodWithKids type",
				"GET /admin/users query q maxLength", "GET /admin/dashboard/stats query from format",
				"POST /orders/{id}/payment header Idempotency-Key maxLength",
				"POST /orders/{id}/payment header Idempotency-Key minLength",
				"DELETE /admin/oauth-clients/{clientId} path clientId maxLength", "GET /pets/{id} path id format");
		assertThat(checked).hasSizeGreaterThan(100);
	}

	private Reply send(ApiClient admin, JsonNode doc, String method, String path, JsonNode op, Map<String, JsonNode> parameters,
			JsonNode broken, String value) {
		String url = "/v1" + path;
		StringBuilder query = new StringBuilder();
		List<String> headers = new ArrayList<>();
		for (JsonNode parameter : parameters.values()) {
			String name = parameter.get("name").asString();
			String in = parameter.get("in").asString();
			boolean isBroken = parameter == broken;
			if (in.equals("path")) {
				String v = isBroken ? value : valid(resolve(doc, parameter.get("schema")));
				url = url.replace("{" + name + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
			}
			else if (isBroken && in.equals("query")) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
			}
			else if (isBroken && in.equals("header")) {
				headers.add(name);
				headers.add(value);
			}
		}
		String contentType = null;
		String body = null;
		JsonNode requestBody = resolve(doc, op.get("requestBody"));
		if (requestBody != null && requestBody.has("content")) {
			String type = requestBody.get("content").propertyNames().iterator().next();
			if (type.startsWith("multipart/")) {
				contentType = type + "; boundary=b";
				body = "--b--\r\n";
			}
			else {
				contentType = type;
				body = "{}";
			}
		}
		return admin.send(method, url + query, contentType, body, headers.toArray(String[]::new));
	}

	private static void collect(JsonNode doc, JsonNode list, Map<String, JsonNode> into) {
		if (list != null) {
			for (JsonNode parameter : list) {
				JsonNode p = resolve(doc, parameter);
				into.put(p.get("in").asString() + ":" + p.get("name").asString(), p);
			}
		}
	}

	private static JsonNode resolve(JsonNode doc, JsonNode node) {
		while (node != null && node.has("$ref")) {
			node = doc.at(node.get("$ref").asString().substring(1));
		}
		return node;
	}

	/** A value that meets the schema, for the parameters not under test (path parameters). */
	private static String valid(JsonNode schema) {
		String format = schema.has("format") ? schema.get("format").asString() : "";
		return switch (format) {
			case "uuid" -> UUID.randomUUID().toString();
			case "date" -> "2026-01-01";
			default -> schema.has("enum") ? schema.get("enum").get(0).asString() : "x";
		};
	}

	static List<Violation> violations(JsonNode schema) {
		List<Violation> violations = new ArrayList<>();
		String type = schema.has("type") ? schema.get("type").asString() : "string";
		if (type.equals("integer")) {
			violations.add(new Violation("type", "abc"));
			violations.add(new Violation("type", "1.5"));
		}
		if (type.equals("boolean")) {
			violations.add(new Violation("type", "maybe"));
		}
		if (schema.has("minimum")) {
			violations.add(new Violation("minimum", schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString()));
		}
		if (schema.has("maximum")) {
			violations.add(new Violation("maximum", schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString()));
		}
		if (schema.has("exclusiveMinimum")) {
			violations.add(new Violation("exclusiveMinimum", schema.get("exclusiveMinimum").decimalValue().toPlainString()));
		}
		if (schema.has("exclusiveMaximum")) {
			violations.add(new Violation("exclusiveMaximum", schema.get("exclusiveMaximum").decimalValue().toPlainString()));
		}
		if (schema.has("maxLength")) {
			violations.add(new Violation("maxLength", "a".repeat(schema.get("maxLength").asInt() + 1)));
		}
		if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
			violations.add(new Violation("minLength", "a".repeat(schema.get("minLength").asInt() - 1)));
		}
		if (schema.has("enum")) {
			violations.add(new Violation("enum", "NOT_LISTED"));
			String first = schema.get("enum").get(0).asString();
			if (!first.toLowerCase(java.util.Locale.ROOT).equals(first)) {
				violations.add(new Violation("enum", first.toLowerCase(java.util.Locale.ROOT)));
			}
		}
		if (schema.has("pattern")) {
			Pattern pattern = Pattern.compile(schema.get("pattern").asString());
			for (String candidate : List.of("!", "~~", "a b", "0")) {
				if (!pattern.matcher(candidate).find()) {
					violations.add(new Violation("pattern", candidate));
					break;
				}
			}
		}
		String format = schema.has("format") ? schema.get("format").asString() : "";
		switch (format) {
			case "uuid" -> {
				violations.add(new Violation("format", "not-a-uuid"));
				violations.add(new Violation("format", "1-2-3-4-5"));
			}
			case "date" -> violations.add(new Violation("format", "2026-02-30"));
			case "date-time" -> violations.add(new Violation("format", "yesterday"));
			default -> {
			}
		}
		return violations;
	}

}
