package io.petstore.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How one API family writes an error body (the classic API's ApiResponse, the modern API's problem
 * details, ...). {@link ApiExceptionHandler} turns framework errors into a status and a message and
 * asks the first format that handles the request to write them.
 */
public interface ApiErrorFormat {

	boolean handles(HttpServletRequest request);

	/** The response; it must carry an explicit Content-Type, so that no Accept header can refuse it. */
	ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message);

	/**
	 * Like {@link #write(HttpServletRequest, HttpStatus, String)}, with the exception that caused the
	 * error, for formats that report more (the field a body error is in, say).
	 */
	default ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message, Exception cause) {
		return write(request, status, message);
	}

}
