package io.petstore.apidocs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/** The list of documents Swagger UI offers, and the redirect from {@code /} to Swagger UI. */
@RestController
class ApiDocsController {

	private final List<Map<String, String>> documents;

	ApiDocsController(List<ApiDocument> documents) {
		this.documents = documents.stream()
			.sorted(Comparator.comparingInt(ApiDocument::order))
			.map(doc -> Map.of("name", doc.name(), "url", doc.url()))
			.toList();
	}

	@GetMapping(path = "/docs/apis.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> documents() {
		return documents;
	}

	@GetMapping({ "/", "/docs" })
	RedirectView home() {
		return new RedirectView("/docs/index.html");
	}

}
