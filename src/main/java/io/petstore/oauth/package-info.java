/**
 * The OAuth2 authorization server of both API families, built on Spring Security's OAuth2
 * Authorization Server: authorization code with PKCE and rotating refresh tokens, the device
 * authorization grant (with {@code slow_down}), client credentials, revocation, introspection, OIDC
 * discovery and the JWK Set; the login, consent and device verification pages for the users of
 * the Modern API; the classic implicit grant at {@code /oauth/dialog} (deprecated, for Swagger UI's
 * {@code /v2} "Authorize" button only); and client registration (configuration and
 * {@code /v1/admin/oauth-clients}). Access tokens are the {@code auth} module's JWTs, signed with the
 * same keys, so the {@code /v1} resource server accepts them like {@code POST /v1/auth/tokens}
 * tokens. Owns {@code oauth2_registered_client}, {@code oauth2_authorization},
 * {@code oauth2_authorization_consent}, {@code oauth2_revoked_token}, {@code oauth2_device_poll}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OAuth2 authorization server")
package io.petstore.oauth;
