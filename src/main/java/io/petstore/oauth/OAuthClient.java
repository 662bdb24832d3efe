package io.petstore.oauth;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered client as the Admin API shows it. {@code clientSecret} is only present in the answer
 * to its registration (it is stored hashed). {@code configured} clients come from
 * {@code petstore.oauth2.clients.*} and cannot be deleted through the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OAuthClient(String clientId, String clientSecret, String clientName, List<String> grantTypes,
		List<String> redirectUris, List<String> scopes, boolean confidential, boolean requireConsent, boolean configured,
		Instant createdAt) {

	OAuthClient withSecret(String secret) {
		return new OAuthClient(clientId, secret, clientName, grantTypes, redirectUris, scopes, confidential, requireConsent,
				configured, createdAt);
	}

}
