package io.petstore.inbox;

import java.net.URI;
import java.util.List;

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

/**
 * {@code /v2/apikey}: a classic user's own {@code api_key} values. Creating one takes the user's
 * username and password (HTTP Basic); listing and revoking take either.
 */
@RestController
@RequestMapping(path = "/v2/apikey", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyController {

	/** Body of {@code POST /apikey}: a label to tell keys apart. */
	record ApiKeyInput(String name) {
	}

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping
	ResponseEntity<ApiKey> createApiKey(@PasswordAccepted(keyAccepted = false) InboxAccount user,
			@RequestBody(required = false) ApiKeyInput input) {
		ApiKey key = keys.create(user, input == null ? null : input.name());
		return ResponseEntity.created(URI.create("/v2/apikey/" + key.id())).body(key);
	}

	@GetMapping
	List<ApiKey> listApiKeys(@PasswordAccepted InboxAccount user) {
		return keys.list(user);
	}

	@DeleteMapping("/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteApiKey(@PasswordAccepted InboxAccount user, @PathVariable String keyId) {
		keys.revoke(user, InboxErrors.id(keyId, "key id"));
	}

}
