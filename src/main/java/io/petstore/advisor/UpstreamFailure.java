package io.petstore.advisor;

import org.springframework.http.HttpStatus;

/**
 * The configured upstream model failed: 502 when it answered an error or something unreadable, 503
 * when it could not be reached or did not answer in time. REST answers it as a problem; the support
 * chat ({@link PetAdvisor#reply}) answers offline instead.
 */
class UpstreamFailure extends RuntimeException {

	private final HttpStatus status;

	UpstreamFailure(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
