package io.petstore.auth;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's rotation path for the token signing key: {@code GET /actuator/signingkeys} lists the
 * keys (ids and dates, no key material), {@code POST /actuator/signingkeys} retires the signing key
 * and makes a new one. Not exposed over HTTP unless the operator adds {@code signingkeys} to
 * {@code management.endpoints.web.exposure.include}, which belongs on a private management port
 * ({@code management.server.port}). Without it, keys rotate by age
 * ({@code petstore.auth.signing-key.max-age}).
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

	private final SigningKeys keys;

	SigningKeysEndpoint(SigningKeys keys) {
		this.keys = keys;
	}

	@ReadOperation
	Map<String, List<SigningKeys.KeyInfo>> keys() {
		return Map.of("keys", keys.describe());
	}

	@WriteOperation
	Map<String, String> rotate() {
		return Map.of("signingKey", keys.rotate());
	}

}
