package io.petstore.v1;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal that a /v1 operation reports to its client as a problem detail. Modules throw it from
 * their APIs; every protocol adapter turns it into its own error form (here: RFC 9457).
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final List<FieldIssue> errors;

	private final HttpHeaders headers = new HttpHeaders();

	public ProblemException(HttpStatus status, String type, String detail, List<FieldIssue> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
	}

	public static ProblemException badRequest(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", detail, null);
	}

	public static ProblemException unauthorized(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", detail, null);
	}

	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, null);
	}

	public static ProblemException notFound(String what, Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found",
				"The requested " + what + " with ID '" + id + "' was not found.", null);
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(HttpStatus.CONFLICT, "conflict", detail, null);
	}

	/** 429 with {@code Retry-After}: too many attempts (failed sign-ins, say); try again after that many seconds. */
	public static ProblemException tooManyAttempts(String detail, long retryAfterSeconds) {
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", detail, null)
			.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	/** 422 naming one field. */
	public static ProblemException invalid(String field, String message, String code) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-error",
				"The request body is invalid: " + field + ": " + message, List.of(new FieldIssue(field, message, code)));
	}

	public static ProblemException invalid(List<FieldIssue> issues) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation-error",
				"The request body is invalid (" + issues.size() + (issues.size() == 1 ? " error)" : " errors)"), issues);
	}

	public HttpStatus status() {
		return status;
	}

	/** The last segment of the problem type URI ({@code not-found}, {@code validation-error}, ...). */
	public String type() {
		return type;
	}

	public List<FieldIssue> errors() {
		return errors;
	}

	/** Adds a response header ({@code Retry-After}, say). */
	public ProblemException withHeader(String name, String value) {
		headers.add(name, value);
		return this;
	}

	/** The headers to answer with besides the problem body. */
	public HttpHeaders headers() {
		return headers;
	}

}
