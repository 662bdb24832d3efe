package io.petstore.apidocs;

/**
 * One served API document, listed in Swagger UI. Modules declare one bean per document they serve.
 * @param name shown in Swagger UI's document picker
 * @param url where the module serves the document
 * @param order position in the picker, lowest first
 */
public record ApiDocument(String name, String url, int order) {
}
