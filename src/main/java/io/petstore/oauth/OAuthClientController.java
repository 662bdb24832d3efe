package io.petstore.oauth;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.Admin;

/**
 * The Admin API's OAuth2 client registration ({@code /v1/admin/oauth-clients}): an administrator
 * registers, lists and deletes the clients of their tenant; the configured clients are listed too
 * (read-only). Like every operation under {@code /v1/admin}, each needs a caller with the ADMIN
 * role, checked before it is called (the {@code admin} module's {@code AdminOnly}).
 */
@RestController
@RequestMapping(path = "/v1/admin/oauth-clients", produces = MediaType.APPLICATION_JSON_VALUE)
class OAuthClientController {

	private final OAuthClients clients;

	OAuthClientController(OAuthClients clients) {
		this.clients = clients;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OAuthClient> registerOAuthClient(Admin admin, @RequestBody OAuthClientInput input) {
		OAuthClient client = clients.register(admin, input);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(client.clientId()).toUri();
		return ResponseEntity.created(location).body(client);
	}

	@GetMapping
	Map<String, List<OAuthClient>> listOAuthClients(Admin admin) {
		return Map.of("data", clients.list(admin));
	}

	@GetMapping("/{clientId}")
	OAuthClient getOAuthClient(Admin admin, @PathVariable String clientId) {
		return clients.get(admin, clientId);
	}

	@DeleteMapping("/{clientId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteOAuthClient(Admin admin, @PathVariable String clientId) {
		clients.delete(admin, clientId);
	}

}
