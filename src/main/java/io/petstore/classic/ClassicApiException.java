package io.petstore.classic;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Ends a classic request with the given status and ApiResponse body. */
public class ClassicApiException extends RuntimeException {

	private final HttpStatus status;

	private final ApiResponse body;

	private final HttpHeaders headers = new HttpHeaders();

	public ClassicApiException(HttpStatus status, ApiResponse body) {
		super(body.message());
		this.status = status;
		this.body = body;
	}

	public static ClassicApiException notFound(String what) {
		return new ClassicApiException(HttpStatus.NOT_FOUND, ApiResponse.notFound(what));
	}

	public static ClassicApiException badRequest(String message) {
		return new ClassicApiException(HttpStatus.BAD_REQUEST, ApiResponse.of(400, message));
	}

	/** Adds a response header (a 401's {@code WWW-Authenticate}, say). */
	public ClassicApiException withHeader(String name, String value) {
		headers.add(name, value);
		return this;
	}

	public HttpHeaders headers() {
		return headers;
	}

	public HttpStatus status() {
		return status;
	}

	public ApiResponse body() {
		return body;
	}

}
