package io.petstore.oauth;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The classic API's OAuth2 implicit grant ({@code petstore_auth}, authorization URL
 * {@code /oauth/dialog}), kept so that Swagger UI's "Authorize" button on the {@code /v2} document
 * works. <strong>Deprecated</strong>: OAuth 2.1 drops the implicit grant (the token travels in the
 * URL fragment); Spring's server does not offer it, so this endpoint issues the token with Spring's
 * token generator and records it as an authorization like any other (revocable, introspectable).
 * Only clients registered with the {@code implicit} grant may use it, and only for scopes the user
 * has already consented to unless the client needs no consent (Swagger UI). New clients should use
 * the authorization code with PKCE.
 */
@RestController
class ImplicitGrantController {

	static final String PATH = "/oauth/dialog";

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2AuthorizationConsentService consents;

	private final OAuth2TokenGenerator<?> tokens;

	ImplicitGrantController(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			OAuth2AuthorizationConsentService consents, OAuth2TokenGenerator<?> tokens) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.consents = consents;
		this.tokens = tokens;
	}

	@GetMapping(PATH)
	ResponseEntity<String> authorize(HttpServletRequest request, Authentication user,
			@RequestParam(name = "response_type", required = false) String responseType,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String state) {
		RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
		if (client == null) {
			return page(HttpStatus.BAD_REQUEST, "Unknown client", "No client is registered with client_id '" + clientId + "'.");
		}
		String origin = RedirectUris.origin(request.getRequestURL().toString());
		if (redirectUri == null && client.getRedirectUris().size() == 1 && !client.getRedirectUris().iterator().next().startsWith("/")) {
			redirectUri = client.getRedirectUris().iterator().next();
		}
		if (!RedirectUris.allowed(client, redirectUri, origin)) {
			// never redirect to an unregistered address
			return page(HttpStatus.BAD_REQUEST, "Invalid redirect_uri",
					"The redirect_uri '" + redirectUri + "' is not registered for client '" + clientId + "'.");
		}
		if (!"token".equals(responseType)) {
			return error(redirectUri, "unsupported_response_type", "This endpoint only serves response_type=token.", state);
		}
		if (!client.getAuthorizationGrantTypes().contains(OAuthClients.IMPLICIT)) {
			return error(redirectUri, "unauthorized_client", "The client is not registered for the implicit grant.", state);
		}
		Set<String> scopes = scope == null || scope.isBlank() ? new LinkedHashSet<>(client.getScopes())
				: new LinkedHashSet<>(Arrays.asList(scope.strip().split("[\\s+]+")));
		if (!client.getScopes().containsAll(scopes)) {
			return error(redirectUri, "invalid_scope", "The client may only ask for " + client.getScopes() + ".", state);
		}
		if (client.getClientSettings().isRequireAuthorizationConsent()) {
			OAuth2AuthorizationConsent consent = consents.findById(client.getId(), user.getName());
			if (consent == null || !consent.getScopes().containsAll(scopes)) {
				return error(redirectUri, "consent_required",
						"Consent these scopes through the authorization code flow first; the implicit grant shows no consent page.", state);
			}
		}
		OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
			.principalName(user.getName())
			.authorizationGrantType(OAuthClients.IMPLICIT)
			.authorizedScopes(scopes)
			.attribute(Principal.class.getName(), user);
		OAuth2Token generated = tokens.generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(client)
			.principal(user)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes(scopes)
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			.authorizationGrantType(OAuthClients.IMPLICIT)
			.authorizationGrant(user)
			.build());
		if (!(generated instanceof Jwt jwt)) {
			return error(redirectUri, "server_error", "No access token could be generated.", state);
		}
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
				jwt.getIssuedAt(), jwt.getExpiresAt(), scopes);
		authorization.token(access, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, jwt.getClaims()));
		authorizations.save(authorization.build());
		long expiresIn = Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds();
		String fragment = "access_token=" + encode(jwt.getTokenValue()) + "&token_type=Bearer&expires_in=" + expiresIn
				+ "&scope=" + encode(String.join(" ", scopes)) + (state == null ? "" : "&state=" + encode(state));
		return redirect(redirectUri, fragment);
	}

	private static ResponseEntity<String> error(String redirectUri, String code, String description, String state) {
		return redirect(redirectUri, "error=" + code + "&error_description=" + encode(description)
				+ (state == null ? "" : "&state=" + encode(state)));
	}

	private static ResponseEntity<String> redirect(String redirectUri, String fragment) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, redirectUri + "#" + fragment)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_HTML)
			.body(Pages.page(title, "<p class=\"error\">" + org.springframework.web.util.HtmlUtils.htmlEscape(text) + "</p>"));
	}

	private static String encode(String value) {
		return UriUtils.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
