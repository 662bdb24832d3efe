package io.petstore.v1;

import java.util.List;

/**
 * A refusal of a Modern API operation, in the domain's terms: what kind of refusal it is (not
 * found, conflict, invalid input with its field errors, ...), a short type name and a message for
 * the client. Modules throw it from their APIs; each protocol adapter maps it to its own error
 * form: REST to an RFC 9457 problem with a status code ({@code V1Errors}), GraphQL to an error with
 * a classification, gRPC to a status code, SOAP to a fault.
 */
public class DomainException extends RuntimeException {

	/** What kind of refusal: the one thing every protocol's mapping looks at. */
	public enum Kind {

		/** The request is malformed (a bad id, an unknown parameter value). */
		BAD_REQUEST,
		/** No valid credentials. */
		UNAUTHORIZED,
		/** Credentials, but not allowed (scope, role, someone else's data, another tenant). */
		FORBIDDEN,
		NOT_FOUND,
		/** The current state does not allow it (an order that is no longer PLACED, a taken name). */
		CONFLICT,
		/** Well-formed, but the values break a rule; {@link #errors()} names the fields. */
		INVALID,
		/** Too many attempts; {@link #retryAfterSeconds()} says when to try again. */
		TOO_MANY_REQUESTS,
		/** The content is larger than accepted. */
		TOO_LARGE,
		/** Cannot be answered now (the database is busy): try again after {@link #retryAfterSeconds()}. */
		UNAVAILABLE

	}

	private final Kind kind;

	private final String type;

	private final List<FieldIssue> errors;

	private final Long retryAfterSeconds;

	public DomainException(Kind kind, String type, String detail, List<FieldIssue> errors) {
		this(kind, type, detail, errors, null);
	}

	private DomainException(Kind kind, String type, String detail, List<FieldIssue> errors, Long retryAfterSeconds) {
		super(detail);
		this.kind = kind;
		this.type = type;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public static DomainException badRequest(String detail) {
		return new DomainException(Kind.BAD_REQUEST, "bad-request", detail, null);
	}

	public static DomainException unauthorized(String detail) {
		return new DomainException(Kind.UNAUTHORIZED, "unauthorized", detail, null);
	}

	public static DomainException forbidden(String detail) {
		return new DomainException(Kind.FORBIDDEN, "forbidden", detail, null);
	}

	public static DomainException notFound(String what, Object id) {
		return new DomainException(Kind.NOT_FOUND, "not-found", "The requested " + what + " with ID '" + id + "' was not found.",
				null);
	}

	public static DomainException conflict(String detail) {
		return new DomainException(Kind.CONFLICT, "conflict", detail, null);
	}

	/** Too many attempts (failed sign-ins, say); try again after that many seconds. */
	public static DomainException tooManyAttempts(String detail, long retryAfterSeconds) {
		return new DomainException(Kind.TOO_MANY_REQUESTS, "too-many-attempts", detail, null, retryAfterSeconds);
	}

	/** Past the caller's rate limit; try again after that many seconds. */
	public static DomainException rateLimited(long retryAfterSeconds) {
		return new DomainException(Kind.TOO_MANY_REQUESTS, "rate-limit-exceeded",
				"Rate limit exceeded. Please wait " + retryAfterSeconds + " seconds before making another request.", null,
				retryAfterSeconds);
	}

	/** Cannot be answered now (credentials could not be checked, say); try again in a second. */
	public static DomainException unavailable(String detail) {
		return new DomainException(Kind.UNAVAILABLE, "service-unavailable", detail, null, 1L);
	}

	public static DomainException tooLarge(String detail) {
		return new DomainException(Kind.TOO_LARGE, "payload-too-large", detail, null);
	}

	/** Invalid input naming one field. */
	public static DomainException invalid(String field, String message, String code) {
		return new DomainException(Kind.INVALID, "validation-error", "The request body is invalid: " + field + ": " + message,
				List.of(new FieldIssue(field, message, code)));
	}

	public static DomainException invalid(List<FieldIssue> issues) {
		return new DomainException(Kind.INVALID, "validation-error",
				"The request body is invalid (" + issues.size() + (issues.size() == 1 ? " error)" : " errors)"), issues);
	}

	public Kind kind() {
		return kind;
	}

	/** A short name of the refusal ({@code not-found}, {@code validation-error}, ...): REST's problem type. */
	public String type() {
		return type;
	}

	/** The fields at fault, for {@link Kind#INVALID}. */
	public List<FieldIssue> errors() {
		return errors;
	}

	/** When to try again, for {@link Kind#TOO_MANY_REQUESTS}; null otherwise. */
	public Long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
