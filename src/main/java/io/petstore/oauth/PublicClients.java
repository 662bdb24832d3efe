package io.petstore.oauth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Public clients (registered with no secret) outside the authorization code: Spring authenticates
 * them only by a PKCE {@code code_verifier}, which the device flow, a device's refresh and a
 * revocation do not have (its device grant sample adds the same converter and provider). A request
 * that names one {@code client_id}, sends no secret and no verifier is accepted for a client
 * registered with authentication method {@code none}; introspection still needs a secret.
 */
final class PublicClients implements AuthenticationConverter, AuthenticationProvider {

	private final RegisteredClientRepository clients;

	PublicClients(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null
				|| request.getRequestURI().endsWith("/introspect")) {
			return null;
		}
		String grant = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		if (grant != null && !AuthorizationGrantType.DEVICE_CODE.getValue().equals(grant)
				&& !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grant)) {
			return null;
		}
		String[] ids = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (ids == null || ids.length != 1 || ids[0].isBlank()) {
			return null;
		}
		return new OAuth2ClientAuthenticationToken(ids[0], ClientAuthenticationMethod.NONE, null, null);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
		if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod()) || request.getCredentials() != null) {
			return null;
		}
		RegisteredClient client = clients.findByClientId(request.getPrincipal().toString());
		if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
		}
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
