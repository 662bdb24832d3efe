package io.petstore.v1;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds /v1 problem details: type URI and title from the status, {@code application/problem+json}. */
public final class Problems {

	private static final Map<Integer, String> TYPES = Map.ofEntries(Map.entry(400, "bad-request"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
			Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(409, "conflict"),
			Map.entry(413, "payload-too-large"), Map.entry(415, "unsupported-media-type"),
			Map.entry(422, "validation-error"), Map.entry(429, "rate-limit-exceeded"),
			Map.entry(500, "internal-server-error"), Map.entry(503, "service-unavailable"));

	private Problems() {
	}

	public static Problem of(HttpStatus status, String type, String detail, String instance, List<FieldIssue> errors) {
		String slug = type != null ? type : TYPES.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "internal-server-error");
		return new Problem(Problem.TYPE_BASE + slug, status.getReasonPhrase(), status.value(), detail, instance,
				errors == null || errors.isEmpty() ? null : errors);
	}

	public static Problem of(HttpStatus status, String detail, String instance) {
		return of(status, null, detail, instance, null);
	}

	public static ResponseEntity<Object> response(HttpStatus status, String type, String detail, String instance,
			List<FieldIssue> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(of(status, type, detail, instance, errors));
	}

}
