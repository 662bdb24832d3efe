package io.petstore.account;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.auth.IssuedToken;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.StrictJson;

/**
 * createToken ({@code POST /v1/auth/tokens}): username and password for a signed bearer token. The
 * optional {@code scopes} narrows the token to the scopes it lists (least privilege; an unknown scope is a
 * 422). Absent, {@code null} or empty, it means "not given" and the token carries the user's default scopes,
 * every scope: openapi-generator's Java clients send {@code "scopes": []} for an unset list, and a token with
 * no scope would make every write a 403.
 */
@RestController
class TokenController {

	@StrictJson
	record TokenRequest(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 128) String password,
			List<String> scopes) {
	}

	private final SignInTokens tokens;

	TokenController(SignInTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping(path = "/v1/auth/tokens", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	IssuedToken createToken(Tenant tenant, @Valid @RequestBody TokenRequest request) {
		return tokens.signIn(tenant, request.username(), request.password(), request.scopes());
	}

}
