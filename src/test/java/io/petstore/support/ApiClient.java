package io.petstore.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Real HTTP against the started server. Every request carries the test's own {@code X-Tenant-ID}
 * unless told otherwise, and every JSON response to a documented operation is checked against the
 * served API document by Atlassian's swagger-request-validator (an independent implementation).
 */
public class ApiClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Requests the document deliberately does not describe (wrong methods, unknown paths, HEAD). */
	private static final java.util.Set<String> UNDOCUMENTED = java.util.Set.of("validation.request.path.missing",
			"validation.request.operation.notAllowed");

	private final String base;

	private final OpenApiInteractionValidator validator;

	private OpenApi31Validator modernValidator;

	private OpenApi31Validator inboxesValidator;

	private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

	public ApiClient(String base, OpenApiInteractionValidator validator, UUID tenant) {
		this.base = base;
		this.validator = validator;
		if (tenant != null) {
			defaultHeaders.put("X-Tenant-ID", tenant.toString());
		}
	}

	public String base() {
		return base;
	}

	/** Also check /v1 responses, against the Modern API's OpenAPI 3.1 document. */
	public ApiClient withModernValidator(OpenApi31Validator modern) {
		this.modernValidator = modern;
		return this;
	}

	/** Also check Inboxes API responses, against its OpenAPI 3.1 document. */
	public ApiClient withInboxesValidator(OpenApi31Validator inboxes) {
		this.inboxesValidator = inboxes;
		return this;
	}

	/** Sends every following request with this header (null: without it). */
	public ApiClient withHeader(String name, String value) {
		defaultHeaders.put(name, value);
		return this;
	}

	/** Sends every following request with this bearer token. */
	public String defaultHeader(String name) {
		return defaultHeaders.get(name);
	}

	public ApiClient withToken(String token) {
		defaultHeaders.put("Authorization", token == null ? null : "Bearer " + token);
		return this;
	}

	public Reply query(String path, String json, String... headers) {
		return send("QUERY", path, "application/json", json, headers);
	}

	public Reply get(String path, String... headers) {
		return send("GET", path, null, (String) null, headers);
	}

	public Reply delete(String path, String... headers) {
		return send("DELETE", path, null, (String) null, headers);
	}

	public Reply postJson(String path, String json, String... headers) {
		return send("POST", path, "application/json", json, headers);
	}

	public Reply putJson(String path, String json, String... headers) {
		return send("PUT", path, "application/json", json, headers);
	}

	public Reply send(String method, String path, String contentType, String body, String... headers) {
		return send(method, path, contentType, body == null ? null : BodyPublishers.ofString(body), headers);
	}

	public Reply send(String method, String path, String contentType, BodyPublisher body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		Map<String, String> all = new LinkedHashMap<>(defaultHeaders);
		for (int i = 0; i < headers.length; i += 2) {
			all.put(headers[i], headers[i + 1]);
		}
		all.forEach((name, value) -> {
			if (value != null) {
				builder.header(name, value);
			}
		});
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, body == null ? BodyPublishers.noBody() : body);
		try {
			var response = HTTP.send(builder.build(), BodyHandlers.ofString());
			Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
			validate(method, path, reply);
			return reply;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void validate(String method, String path, Reply reply) {
		if (path.startsWith("/v1/")) {
			String effective = method.equals("QUERY") ? "POST" : method;
			String effectivePath = method.equals("QUERY") ? "/v1/pets/search" : path;
			if (modernValidator != null && modernValidator.documents(effective, effectivePath)) {
				modernValidator.validate(effective, effectivePath, reply.status(), reply.contentType(), reply.body());
			}
			return;
		}
		if (inboxesValidator != null && inboxesValidator.documents(method, path)) {
			inboxesValidator.validate(method, path, reply.status(), reply.contentType(), reply.body());
			return;
		}
		String contentType = reply.contentType();
		if (validator == null || contentType == null || !contentType.startsWith("application/json") || path.contains("/images/")) {
			return;
		}
		String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		var response = SimpleResponse.Builder.status(reply.status())
			.withContentType(contentType)
			.withBody(reply.body())
			.build();
		ValidationReport report = validator.validateResponse(pathOnly, Request.Method.valueOf(method), response);
		boolean undocumented = report.getMessages().stream().anyMatch(m -> UNDOCUMENTED.contains(m.getKey()));
		if (report.hasErrors() && !undocumented) {
			throw new AssertionError("response to " + method + " " + path + " does not match the API document: "
					+ report.getMessages() + "\nresponse: " + reply);
		}
	}

}
