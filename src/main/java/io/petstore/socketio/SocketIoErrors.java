package io.petstore.socketio;

import org.json.JSONArray;
import org.json.JSONObject;

import io.petstore.v1.DomainException;

/**
 * Domain refusals in Socket.IO's terms, in one place: the contract's codes (BAD_REQUEST,
 * UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TOO_MANY_REQUESTS, MESSAGE_TOO_LARGE, INTERNAL_ERROR) with
 * the domain's message, sent as a {@code chatError} event or as the {@code data} of a
 * {@code connect_error}. Nothing else leaks: an unexpected failure is INTERNAL_ERROR.
 */
final class SocketIoErrors {

	private SocketIoErrors() {
	}

	static String code(DomainException refused) {
		return switch (refused.kind()) {
			case BAD_REQUEST, CONFLICT, INVALID -> "BAD_REQUEST";
			case UNAUTHORIZED -> "UNAUTHORIZED";
			case FORBIDDEN -> "FORBIDDEN";
			case NOT_FOUND -> "NOT_FOUND";
			case TOO_MANY_REQUESTS -> "TOO_MANY_REQUESTS";
			case TOO_LARGE -> "MESSAGE_TOO_LARGE";
			case UNAVAILABLE -> "INTERNAL_ERROR";
		};
	}

	/** The {@code chatError} body: {code, message, requestType?}. */
	static JSONObject body(String code, String message, String requestType) {
		JSONObject body = new JSONObject();
		body.put("code", code);
		body.put("message", message);
		if (requestType != null) {
			body.put("requestType", requestType);
		}
		return body;
	}

	/** The {@code chatError} body of a domain refusal, with its field errors and retry delay. */
	static JSONObject body(DomainException refused, String requestType) {
		JSONObject body = body(code(refused), refused.getMessage(), requestType);
		if (!refused.errors().isEmpty()) {
			JSONArray fields = new JSONArray();
			refused.errors().forEach(issue -> fields.put(new JSONObject().put("field", issue.field())
				.put("message", issue.message())
				.put("code", issue.code() == null ? JSONObject.NULL : issue.code())));
			body.put("fields", fields);
		}
		if (refused.retryAfterSeconds() != null) {
			body.put("retryAfterSeconds", refused.retryAfterSeconds());
		}
		return body;
	}

}
