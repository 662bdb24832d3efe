package io.petstore.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks responses against an OpenAPI 3.1 document with networknt's JSON Schema validator (the
 * OpenAPI 3.1 dialect of JSON Schema 2020-12, formats asserted, writeOnly properties refused in
 * responses): finds the operation by path template and method, the response by status code, and
 * validates the body against that response's schema for the response's content type.
 */
public final class OpenApi31Validator {

	private static final String DOCUMENT = "https://petstore.test/v1/openapi.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Template(Pattern pattern, String path) {
	}

	private final JsonNode document;

	private final String basePath;

	private final SchemaRegistry registry;

	private final List<Template> templates = new ArrayList<>();

	public OpenApi31Validator(String documentJson, String basePath) {
		this.document = JSON.readTree(documentJson);
		this.basePath = basePath;
		this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				builder -> builder.schemas(Map.of(DOCUMENT, documentJson)));
		for (Iterator<String> it = document.get("paths").propertyNames().iterator(); it.hasNext();) {
			String path = it.next();
			String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
			templates.add(new Template(Pattern.compile("^" + regex + "$"), path));
		}
		// literal paths first, so /pets/search is not taken for /pets/{id}
		templates.sort((a, b) -> Long.compare(a.path().chars().filter(c -> c == '{').count(),
				b.path().chars().filter(c -> c == '{').count()));
	}

	/** True if the document describes this method on this path. */
	public boolean documents(String method, String path) {
		String template = template(path);
		return template != null && document.get("paths").get(template).has(method.toLowerCase(Locale.ROOT));
	}

	/** @throws AssertionError when the response does not match the document */
	public void validate(String method, String path, int status, String contentType, String body) {
		String template = template(path);
		if (template == null) {
			throw new AssertionError("no path in the document matches " + path);
		}
		if (status == 500) {
			throw new AssertionError(method + " " + path + " answered 500: the server never should\nbody: " + body);
		}
		JsonNode operation = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
		if (operation == null) {
			throw new AssertionError(method + " " + template + " is not in the document");
		}
		JsonNode responses = operation.get("responses");
		String code = String.valueOf(status);
		String key = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
				: responses.has("default") ? "default" : null;
		if (key == null) {
			throw new AssertionError(method + " " + path + " answered " + status + ", which " + template
					+ " does not document (documented: " + responses.propertyNames() + ")\nbody: " + body);
		}
		JsonNode response = resolve(responses.get(key));
		String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + escape(key);
		if (responses.get(key).has("$ref")) {
			String ref = responses.get(key).get("$ref").asString();
			pointer = ref.substring(1);
		}
		JsonNode content = response.get("content");
		if (content == null || content.isEmpty()) {
			if (body != null && !body.isEmpty()) {
				throw new AssertionError(method + " " + path + " " + status + " has a body the document does not describe: " + body);
			}
			return;
		}
		String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
		if (mediaType == null || !content.has(mediaType)) {
			throw new AssertionError(method + " " + path + " " + status + " answered Content-Type " + contentType
					+ "; the document has " + content.propertyNames());
		}
		if (!mediaType.endsWith("json")) {
			return;
		}
		Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer + "/content/" + escape(mediaType) + "/schema"));
		List<Error> errors = schema.validate(JSON.readTree(body),
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true).writeOnly(true)));
		if (!errors.isEmpty()) {
			throw new AssertionError("response to " + method + " " + path + " (" + status + ") does not match the document: "
					+ errors + "\nbody: " + body);
		}
	}

	/**
	 * Checks a request this server sends (a webhook or callback) against the document.
	 * @param pointer JSON pointer of the request body's media type object, e.g.
	 * {@code /webhooks/orderStatusChanged/post/requestBody/content/application~1json}
	 */
	public void validateOutgoing(String pointer, String body) {
		if (document.at(pointer).isMissingNode()) {
			throw new AssertionError("the document has nothing at " + pointer);
		}
		Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer + "/schema"));
		List<Error> errors = schema.validate(JSON.readTree(body),
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
		if (!errors.isEmpty()) {
			throw new AssertionError("the request sent does not match " + pointer + ": " + errors + "\nbody: " + body);
		}
	}

	/**
	 * Checks a JSON value against one schema of the document (a streamed event's data, say).
	 * @param pointer JSON pointer of the schema, e.g. {@code /components/schemas/ChatCompletionChunk}
	 */
	public void validateSchema(String pointer, String json) {
		if (document.at(pointer).isMissingNode()) {
			throw new AssertionError("the document has nothing at " + pointer);
		}
		Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
		List<Error> errors = schema.validate(JSON.readTree(json),
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
		if (!errors.isEmpty()) {
			throw new AssertionError("the value does not match " + pointer + ": " + errors + "\nvalue: " + json);
		}
	}

	private String template(String path) {
		String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
		int query = relative.indexOf('?');
		if (query >= 0) {
			relative = relative.substring(0, query);
		}
		for (Template t : templates) {
			if (t.pattern().matcher(relative).matches()) {
				return t.path();
			}
		}
		return null;
	}

	private JsonNode resolve(JsonNode node) {
		if (node.has("$ref")) {
			return document.at(node.get("$ref").asString().substring(1));
		}
		return node;
	}

	private static String escape(String segment) {
		return segment.replace("~", "~0").replace("/", "~1");
	}

}
