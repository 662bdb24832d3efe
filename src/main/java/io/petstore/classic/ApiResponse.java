package io.petstore.classic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The classic API's message body ({@code code, type, message}). {@code type} follows from
 * {@code code} as in the reference server. In XML the root is {@code apiResponse} and, as there,
 * {@code code} is not written (see {@link ClassicXmlConfig}).
 */
@JacksonXmlRootElement(localName = "apiResponse")
public record ApiResponse(int code, String type, String message) {

	public static ApiResponse of(int code, String message) {
		return new ApiResponse(code, typeOf(code), message);
	}

	/** {@code {"code":1,"type":"error","message":"Pet not found"}} and its siblings. */
	public static ApiResponse notFound(String what) {
		return of(1, what + " not found");
	}

	private static String typeOf(int code) {
		return switch (code) {
			case 1 -> "error";
			case 2 -> "warning";
			case 3 -> "info";
			case 4 -> "ok";
			case 5 -> "too busy";
			default -> "unknown";
		};
	}

	/** Jackson mix-in for XML only: the reference server's JAXB model never wrote {@code code}. */
	abstract static class XmlView {

		@JsonIgnore
		abstract int code();

	}

}
