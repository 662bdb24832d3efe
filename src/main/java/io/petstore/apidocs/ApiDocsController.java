package io.petstore.apidocs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The list of documents Swagger UI offers ({@code /docs/apis.json}: the OpenAPI ones), the other
 * documents the docs page links to ({@code /docs/other-apis.json}), and the redirect from
 * {@code /docs} to Swagger UI ({@code /} is the storefront's, module {@code pages}).
 */
@RestController
class ApiDocsController {

	private final List<Map<String, String>> documents;

	private final List<Map<String, String>> others;

	ApiDocsController(List<ApiDocument> documents) {
		this.documents = documents.stream()
			.filter(doc -> ApiDocument.OPENAPI.equals(doc.format()))
			.sorted(Comparator.comparingInt(ApiDocument::order))
			.map(doc -> Map.of("name", doc.name(), "url", doc.url()))
			.toList();
		this.others = documents.stream()
			.filter(doc -> !ApiDocument.OPENAPI.equals(doc.format()))
			.sorted(Comparator.comparingInt(ApiDocument::order))
			.map(doc -> Map.of("name", doc.name(), "url", doc.url(), "format", doc.format()))
			.toList();
	}

	@GetMapping(path = "/docs/other-apis.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> otherDocuments() {
		return others;
	}

	@GetMapping(path = "/docs/apis.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> documents() {
		return documents;
	}

	/** Swagger UI, at {@code /docs/} as the docs page says (and {@code /docs}). */
	@GetMapping({ "/docs", "/docs/" })
	RedirectView home() {
		return new RedirectView("/docs/index.html");
	}

}
