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

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.petstore.web.ApiErrorFormat;
import io.petstore.web.JsonFirstNegotiation;

/**
 * Errors under {@code /v2} are ApiResponse bodies, in XML when the client prefers XML, otherwise in
 * {@code application/json} (no charset), whatever else the Accept header asks for.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassicErrors implements ApiErrorFormat {

	private final ClassicMode mode;

	ClassicErrors(ClassicMode mode) {
		this.mode = mode;
	}

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

	/**
	 * Reference mode answers as the reference server: a path id that is not a 64-bit integer is a
	 * 404 ({@code {"code":404,"type":"unknown",...}}), an empty or {@code null} body on the pet and
	 * user operations a 405 "no data" (on placeOrder a 400 {@code {"code":1,"type":"error","message":"No data"}}),
	 * a 405, 406 or 415 from the framework without a {@code message}.
	 * Strict mode follows the document: 405 "Invalid input" for a pet that POST/PUT /pet cannot
	 * read, 400 elsewhere.
	 */
	@Override
	public ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message, Exception cause) {
		if (!petstorePath(request)) {
			return write(request, status, message); // the Inboxes API under /v2 keeps its own rules
		}
		if (status == HttpStatus.BAD_REQUEST && cause instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class) && mode.reference()) {
			return body(request, HttpStatus.NOT_FOUND, ApiResponse.of(404, message));
		}
		if (status == HttpStatus.BAD_REQUEST && cause instanceof HttpMessageNotReadableException
				&& "Request body is required".equals(message) && mode.reference()) {
			if (request.getRequestURI().equals("/v2/store/order")) {
				return body(request, HttpStatus.BAD_REQUEST, ApiResponse.of(1, "No data"));
			}
			return body(request, HttpStatus.METHOD_NOT_ALLOWED, ApiResponse.of(405, "no data"));
		}
		if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE && mode.reference() && !request.getRequestURI().startsWith("/v2/pet")) {
			// the order and user operations declare no Content-Type: the reference's body reader refuses it, with a message
			return write(request, status, message);
		}
		if ((status == HttpStatus.METHOD_NOT_ALLOWED || status == HttpStatus.NOT_ACCEPTABLE
				|| status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) && mode.reference()) {
			return body(request, status, ApiResponse.of(status.value(), null)); // the reference's container errors: no message
		}
		if (status == HttpStatus.BAD_REQUEST && cause instanceof HttpMessageNotReadableException && mode.strict()
				&& request.getRequestURI().equals("/v2/pet")) {
			return body(request, HttpStatus.METHOD_NOT_ALLOWED, ApiResponse.of(405,
					("PUT".equals(request.getMethod()) ? "Validation exception: " : "Invalid input: ") + message));
		}
		return write(request, status, message);
	}

	/** The 20 operations of the petstore (not the Inboxes API, which shares {@code /v2}). */
	private static boolean petstorePath(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/v2/pet") || path.startsWith("/v2/store/") || path.startsWith("/v2/user");
	}

	private static ResponseEntity<Object> body(HttpServletRequest request, HttpStatus status, ApiResponse body) {
		return ResponseEntity.status(status).contentType(contentType(request)).body(body);
	}

	/**
	 * XML if the client prefers XML (JSON wins ties, see {@link JsonFirstNegotiation}), typed
	 * {@code text/xml} when that is what it accepts; else JSON.
	 */
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
			if (type.isCompatibleWith(MediaType.APPLICATION_XML)) {
				return MediaType.APPLICATION_XML;
			}
			if (type.isCompatibleWith(MediaType.TEXT_XML)) {
				return MediaType.TEXT_XML; // text/xml or text/*, as the reference answers them
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
