package io.petstore.apidocs;

/**
 * One served API document, listed on the docs page. Modules declare one bean per document they serve.
 * OpenAPI documents are shown in Swagger UI; documents of another format (a GraphQL SDL, say) are
 * linked above it.
 * @param name shown in Swagger UI's document picker (or as the link's text)
 * @param url where the module serves the document
 * @param order position in the picker, lowest first
 * @param format {@link #OPENAPI} or another format's name ({@code graphql})
 */
public record ApiDocument(String name, String url, int order, String format) {

	public static final String OPENAPI = "openapi";

	/** An OpenAPI document. */
	public ApiDocument(String name, String url, int order) {
		this(name, url, order, OPENAPI);
	}

}
