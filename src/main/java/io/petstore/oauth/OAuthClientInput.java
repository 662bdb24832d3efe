package io.petstore.oauth;

import java.util.List;

import io.petstore.v1.StrictJson;

/**
 * The body of registerOAuthClient. {@code confidential} (default true) clients get a secret;
 * public ones must use PKCE and get no refresh tokens. {@code requireConsent} defaults to true.
 */
@StrictJson
record OAuthClientInput(String clientName, List<String> grantTypes, List<String> redirectUris, List<String> scopes,
		Boolean confidential, Boolean requireConsent) {
}
