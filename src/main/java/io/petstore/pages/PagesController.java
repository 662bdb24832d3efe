package io.petstore.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages' entry points: {@code /} goes to the storefront (Swagger UI stays at {@code /docs/}),
 * each app's folder serves its {@code index.html}, and its OAuth2 redirect page
 * {@code callback.html} is that same page (the app reads the authorization code itself, so the
 * token it gets stays in the memory of the page that uses it).
 */
@Controller
class PagesController {

	@GetMapping("/")
	String home() {
		return "redirect:/store/";
	}

	@GetMapping("/store")
	String store() {
		return "redirect:/store/";
	}

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/";
	}

	@GetMapping({ "/store/", "/store/callback.html" })
	String storePage() {
		return "forward:/store/index.html";
	}

	@GetMapping({ "/admin/", "/admin/callback.html" })
	String adminPage() {
		return "forward:/admin/index.html";
	}

}
