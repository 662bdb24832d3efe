package io.petstore.account;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.Caller;
import io.petstore.auth.IssuedToken;
import io.petstore.auth.Scopes;
import io.petstore.auth.TokenService;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;

/**
 * {@code /v1/users}: createUser (public registration; answers the user and a token), getUserById,
 * updateUser and deleteUser (the user themself only).
 */
@RestController
@RequestMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

	/** The registered user, with a token so the client can go on at once. */
	record Registration(@JsonUnwrapped User user, String token, Instant expiresAt) {
	}

	private final Accounts accounts;

	private final TokenService tokens;

	UserController(Accounts accounts, TokenService tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Registration> createUser(Tenant tenant, @Valid @RequestBody UserInput input) {
		User user = accounts.register(tenant, input);
		IssuedToken token = tokens.issue(user.id(), user.username(), tenant, Scopes.ALL, 0);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(user.id()).toUri();
		return ResponseEntity.created(location).body(new Registration(user, token.token(), token.expiresAt()));
	}

	@GetMapping("/{id}")
	User getUserById(Caller caller, @PathVariable String id) {
		return accounts.get(caller, Ids.parse(id, "id"));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	User updateUser(Caller caller, @PathVariable String id, @Valid @RequestBody UserInput input) {
		return accounts.update(caller, Ids.parse(id, "id"), input);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteUser(Caller caller, @PathVariable String id) {
		accounts.delete(caller, Ids.parse(id, "id"));
	}

}
