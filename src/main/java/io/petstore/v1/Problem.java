package io.petstore.v1;

import java.util.List;

/** An RFC 9457 problem details body, as every /v1 error is written ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldIssue> errors) {

	public static final String TYPE_BASE = "https://petstoreapi.com/errors/";

}
