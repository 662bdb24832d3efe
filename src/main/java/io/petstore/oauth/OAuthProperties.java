package io.petstore.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code petstore.oauth2.*}: token lifetimes, the device polling interval and the configured
 * clients ({@code petstore.oauth2.clients.<client-id>.*}, registered or updated at start).
 * @param accessTokenLifetime access tokens of clients that set none of their own
 * @param refreshTokenLifetime refresh tokens (a new one replaces the old at every use)
 * @param authorizationCodeLifetime authorization codes
 * @param deviceCodeLifetime device and user codes
 * @param devicePollInterval the {@code interval} a device must keep between polls; polling faster
 * gets {@code slow_down} and 5 more seconds
 * @param clients clients registered from configuration
 */
@ConfigurationProperties("petstore.oauth2")
record OAuthProperties(Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration authorizationCodeLifetime,
		Duration deviceCodeLifetime, Duration devicePollInterval, Map<String, Client> clients) {

	OAuthProperties {
		clients = clients == null ? Map.of() : Map.copyOf(clients);
	}

	/**
	 * One configured client.
	 * @param name shown on the consent page
	 * @param secret empty for a public client (PKCE required, no refresh tokens); plain text or a
	 * {@code {bcrypt}} hash, stored hashed either way
	 * @param grantTypes {@code authorization_code}, {@code refresh_token}, {@code client_credentials},
	 * {@code urn:ietf:params:oauth:grant-type:device_code}, {@code implicit}
	 * @param redirectUris absolute URIs, or paths (starting with {@code /}) that mean "on this server,
	 * whatever address it is reached at"
	 * @param scopes the scopes the client may ask for
	 * @param requireConsent whether users see the consent page
	 * @param accessTokenLifetime overrides the default
	 */
	record Client(String name, String secret, List<String> grantTypes, List<String> redirectUris, List<String> scopes,
			Boolean requireConsent, Duration accessTokenLifetime) {

		Client {
			grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
			redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}

	}

}
