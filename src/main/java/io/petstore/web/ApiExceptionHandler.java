package io.petstore.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error that is not an API's own into a clear 4xx (or, for a bug, a 500 that is
 * logged), written in the format of the API family the request was for.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final List<ApiErrorFormat> formats;

	ApiExceptionHandler(List<ApiErrorFormat> formats) {
		this.formats = formats;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpServletRequest request, HttpMessageNotReadableException ex) {
		RequestTooLargeException tooLarge = RequestTooLargeException.findIn(ex);
		if (tooLarge != null) {
			return write(request, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), ex);
		}
		return write(request, HttpStatus.BAD_REQUEST, describe(ex), ex);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(HttpServletRequest request, MethodArgumentTypeMismatchException ex) {
		return write(request, HttpStatus.BAD_REQUEST, "Invalid value '" + ex.getValue() + "' for " + ex.getName()
				+ (ex.getRequiredType() == null ? "" : ": expected " + typeName(ex.getRequiredType())), ex);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			ServletRequestBindingException.class })
	ResponseEntity<Object> missing(HttpServletRequest request, Exception ex) {
		return write(request, HttpStatus.BAD_REQUEST, ex.getMessage(), ex);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> method(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
		Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
		ResponseEntity<Object> response = write(request, HttpStatus.METHOD_NOT_ALLOWED, "Method " + ex.getMethod()
				+ " is not allowed here" + (allowed == null ? "" : "; allowed: " + join(allowed)), ex);
		if (allowed == null) {
			return response;
		}
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(HttpHeaders.ALLOW, join(allowed))
			.body(response.getBody());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Object> unsupportedType(HttpServletRequest request, HttpMediaTypeNotSupportedException ex) {
		return write(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + ex.getContentType()
				+ " is not supported here; use " + ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Object> notAcceptable(HttpServletRequest request, HttpMediaTypeNotAcceptableException ex) {
		return write(request, HttpStatus.NOT_ACCEPTABLE, "Cannot produce " + request.getHeader(HttpHeaders.ACCEPT)
				+ "; this operation produces " + ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", ")));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<Object> noSuchPath(HttpServletRequest request) {
		return write(request, HttpStatus.NOT_FOUND, "No operation at " + request.getMethod() + " " + request.getRequestURI());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> uploadTooLarge(HttpServletRequest request, MaxUploadSizeExceededException ex) {
		return write(request, HttpStatus.CONTENT_TOO_LARGE, "upload is larger than "
				+ (ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() + " bytes" : "the configured limit"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> multipart(HttpServletRequest request, MultipartException ex) {
		if (RequestTooLargeException.findIn(ex) != null || String.valueOf(ex.getMessage()).contains("exceed")) {
			return write(request, HttpStatus.CONTENT_TOO_LARGE, "upload is larger than the configured limit");
		}
		return write(request, HttpStatus.BAD_REQUEST, "Malformed multipart request");
	}

	@ExceptionHandler(io.petstore.tenancy.InvalidTenantException.class)
	ResponseEntity<Object> tenant(HttpServletRequest request, RuntimeException ex) {
		return write(request, HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** A value the database refuses (too long for its column, say): the client's input, so a 400. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(HttpServletRequest request, DataIntegrityViolationException ex) {
		log.debug("refused by the database", ex);
		return write(request, HttpStatus.BAD_REQUEST, "A value is too long or conflicts with stored data");
	}

	/**
	 * Locks, timeouts, and no free database connection (every connection busy with slow work): the
	 * request may succeed later, so 503 with Retry-After.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class, TransientDataAccessException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.jdbc.CannotGetJdbcConnectionException.class })
	ResponseEntity<Object> busy(HttpServletRequest request, Exception ex) {
		log.warn("database busy: {}", ex.getMessage());
		ResponseEntity<Object> response = write(request, HttpStatus.SERVICE_UNAVAILABLE, "The store is busy; try again");
		return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header(HttpHeaders.RETRY_AFTER, "1")
			.body(response.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> bug(HttpServletRequest request, Exception ex) {
		HttpException containerError = containerClientError(ex);
		if (containerError != null) {
			// Jetty refused part of the request (a form over the size limit, a malformed query string)
			return write(request, HttpStatus.valueOf(containerError.getCode()), containerError.getReason());
		}
		log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return write(request, HttpStatus.INTERNAL_SERVER_ERROR, "something bad happened");
	}

	/** The innermost 4xx that the servlet container raised while reading the request, if any. */
	private static HttpException containerClientError(Throwable ex) {
		HttpException found = null;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
				found = http;
			}
		}
		return found;
	}

	private ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message) {
		return write(request, status, message, null);
	}

	private ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message, Exception cause) {
		for (ApiErrorFormat format : formats) {
			if (format.handles(request)) {
				return format.write(request, status, message, cause);
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof InvalidFormatException invalid) {
			return "Invalid value " + quote(invalid.getValue()) + " for " + path(invalid) + allowed(invalid.getTargetType());
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return "Invalid input for " + path(mismatch) + ": expected " + typeName(mismatch.getTargetType());
		}
		if (cause instanceof DatabindException databind) {
			return "Invalid input for " + path(databind) + ": " + databind.getOriginalMessage();
		}
		if (cause instanceof StreamReadException read) {
			return "Malformed request body: " + read.getOriginalMessage();
		}
		if (String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
			return "Request body is required";
		}
		if (String.valueOf(ex.getMessage()).startsWith("XML with a DTD")) {
			return ex.getMessage();
		}
		return "Malformed request body";
	}

	private static String path(DatabindException ex) {
		String path = ex.getPath().stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		return path.isEmpty() ? "the request body" : "'" + path + "'";
	}

	private static String allowed(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return ": expected " + typeName(type);
		}
		return ": use one of " + java.util.Arrays.stream(type.getEnumConstants())
			.map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
	}

	private static String quote(Object value) {
		return value instanceof String ? "'" + value + "'" : String.valueOf(value);
	}

	private static String typeName(Class<?> type) {
		if (type == null) {
			return "a different type";
		}
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			return "an integer (" + (type == int.class || type == Integer.class ? "32" : "64") + "-bit)";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type == java.util.UUID.class) {
			return "a UUID";
		}
		return type.isEnum() || type.isPrimitive() ? type.getSimpleName() : "an object";
	}

	private static String join(Set<HttpMethod> methods) {
		return methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
	}

}
