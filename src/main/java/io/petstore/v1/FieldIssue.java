package io.petstore.v1;

/**
 * One invalid field of a request, as listed in a 422 problem's {@code errors}.
 * @param field dotted path of the field ({@code medicalInfo.vaccinated}, {@code messages[0].role})
 * @param message what is wrong, for a person
 * @param code a stable machine-readable code ({@code required}, {@code invalid_format}, ...)
 */
public record FieldIssue(String field, String message, String code) {
}
