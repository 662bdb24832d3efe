package io.petstore.inbox;

import org.springframework.http.HttpStatus;

import io.petstore.classic.ApiResponse;
import io.petstore.classic.ClassicApiException;

/**
 * The errors of the Inboxes API: ApiResponse bodies, as everywhere under {@code /v2}, whose
 * {@code type} names the kind of problem (documented in the API document) and whose {@code code}
 * is the HTTP status.
 */
final class InboxErrors {

	private InboxErrors() {
	}

	static ClassicApiException of(HttpStatus status, String type, String message) {
		return new ClassicApiException(status, new ApiResponse(status.value(), type, message));
	}

	static ClassicApiException badRequest(String message) {
		return of(HttpStatus.BAD_REQUEST, "invalid_input", message);
	}

	static ClassicApiException notFound(String what) {
		return of(HttpStatus.NOT_FOUND, "not_found", what + " not found");
	}

	static ClassicApiException conflict(String message) {
		return of(HttpStatus.CONFLICT, "conflict", message);
	}

	/** 401; with a Basic challenge when a username and password would be accepted. */
	static ClassicApiException unauthorized(String message, boolean passwordAccepted) {
		ClassicApiException ex = of(HttpStatus.UNAUTHORIZED, "unauthorized", message);
		return passwordAccepted ? ex.withHeader("WWW-Authenticate", "Basic realm=\"petstore\", charset=\"UTF-8\"") : ex;
	}

	/** 429 {@code too_many_attempts}: the sign-in brake holds the username or the address. */
	static ClassicApiException tooManyAttempts(io.petstore.signin.SignInLocked locked) {
		return of(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", locked.getMessage())
			.withHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, locked.retryAfter());
	}

	static java.util.UUID id(String value, String name) {
		if (value != null && value.length() == 36) {
			try {
				return java.util.UUID.fromString(value);
			}
			catch (IllegalArgumentException ignored) {
				// fall through
			}
		}
		throw badRequest("Invalid " + name + " supplied: must be a UUID");
	}

}
