package io.petstore.classic;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.petstore.web.ApiErrorFormat;
import io.petstore.web.JsonFirstNegotiation;

/**
 * Errors under {@code /v2} are ApiResponse bodies, in XML when the client prefers XML, otherwise in
 * {@code application/json} (no charset), whatever else the Accept header asks for.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassicErrors implements ApiErrorFormat {

	@ExceptionHandler(ClassicApiException.class)
	ResponseEntity<Object> classic(HttpServletRequest request, ClassicApiException ex) {
		return ResponseEntity.status(ex.status()).headers(ex.headers()).contentType(contentType(request)).body(ex.body());
	}

	@Override
	public boolean handles(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/v2") || path.startsWith("/v2/");
	}

	@Override
	public ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message) {
		return body(request, status, ApiResponse.of(status.value(), message));
	}

	private static ResponseEntity<Object> body(HttpServletRequest request, HttpStatus status, ApiResponse body) {
		return ResponseEntity.status(status).contentType(contentType(request)).body(body);
	}

	/** XML if the client prefers XML (JSON wins ties, see {@link JsonFirstNegotiation}); else JSON. */
	static MediaType contentType(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		List<MediaType> accepted;
		try {
			accepted = JsonFirstNegotiation.accepted(accept);
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_JSON;
		}
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return MediaType.APPLICATION_JSON;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
				return MediaType.APPLICATION_XML;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
