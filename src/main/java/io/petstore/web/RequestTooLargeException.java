package io.petstore.web;

import java.io.IOException;

/** A request body past the configured limit. Adapters answer it with 413. */
public class RequestTooLargeException extends IOException {

	public RequestTooLargeException(long limit) {
		super("request body is larger than " + limit + " bytes");
	}

	/** Whether the throwable or one of its causes is a {@link RequestTooLargeException}. */
	public static RequestTooLargeException findIn(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
