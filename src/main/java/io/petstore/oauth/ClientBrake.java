package io.petstore.oauth;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.X509ClientCertificateAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.petstore.signin.SignInBrake;
import io.petstore.signin.SignInKey;
import io.petstore.signin.SignInLocked;
import io.petstore.tenancy.Tenant;

/**
 * The sign-in brake on client authentication, wherever Spring's authorization server authenticates
 * a client: the token, introspection, revocation and device authorization endpoints. {@link #wrap}
 * puts each of Spring's credential-checking providers (client secret, JWT assertion, X.509) behind
 * the brake, keyed by the client id (in the tenant that registered the client; an unknown id in the
 * shared pool, counted the same way, and with a secret check as long as a real one).
 * {@code invalid_client} is a failure. While the client id or the address is locked, the answer is
 * {@code 429} with {@code Retry-After} and {@code {"error":"too_many_attempts"}}; {@link #errors()}
 * writes it, and every other client authentication error as Spring does ({@code 401} for
 * {@code invalid_client}, else {@code 400}, the error code only).
 */
final class ClientBrake {

	static final String TOO_MANY_ATTEMPTS = "too_many_attempts";

	private static final Set<ClientAuthenticationMethod> SECRETS = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
			ClientAuthenticationMethod.CLIENT_SECRET_POST);

	private static final Set<ClientAuthenticationMethod> ASSERTIONS = Set.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT,
			ClientAuthenticationMethod.CLIENT_SECRET_JWT);

	private static final Set<ClientAuthenticationMethod> CERTIFICATES = Set.of(ClientAuthenticationMethod.TLS_CLIENT_AUTH,
			ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH);

	/** Client secrets are stored with Spring's delegating encoder (bcrypt). */
	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final SignInBrake brake;

	private final RegisteredClientRepository clients;

	private final OAuthClients registry;

	private final String dummySecretHash = ENCODER.encode("not-a-client-secret");

	ClientBrake(SignInBrake brake, RegisteredClientRepository clients, OAuthClients registry) {
		this.brake = brake;
		this.clients = clients;
		this.registry = registry;
	}

	/** The provider behind the brake if it checks client credentials; others (public clients) as they are. */
	AuthenticationProvider wrap(AuthenticationProvider provider) {
		if (provider instanceof ClientSecretAuthenticationProvider) {
			return new Braked(provider, SECRETS);
		}
		if (provider instanceof JwtClientAssertionAuthenticationProvider) {
			return new Braked(provider, ASSERTIONS);
		}
		if (provider instanceof X509ClientCertificateAuthenticationProvider) {
			return new Braked(provider, CERTIFICATES);
		}
		return provider;
	}

	/** The client authentication error response handler. */
	AuthenticationFailureHandler errors() {
		return ClientBrake::writeError;
	}

	private final class Braked implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		private final Set<ClientAuthenticationMethod> methods;

		Braked(AuthenticationProvider delegate, Set<ClientAuthenticationMethod> methods) {
			this.delegate = delegate;
			this.methods = methods;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			if (!(authentication instanceof OAuth2ClientAuthenticationToken request)
					|| !methods.contains(request.getClientAuthenticationMethod())) {
				return delegate.authenticate(authentication);
			}
			String clientId = String.valueOf(request.getPrincipal());
			RegisteredClient client = clients.findByClientId(clientId);
			Tenant owner = client == null ? Tenant.SHARED : registry.tenantOf(client);
			SignInBrake.Attempt attempt;
			try {
				attempt = brake.begin(SignInKey.oauthClient(owner, clientId));
			}
			catch (SignInLocked locked) {
				throw new ClientLocked(locked);
			}
			Authentication result;
			try {
				if (client == null && request.getCredentials() != null && SECRETS.contains(request.getClientAuthenticationMethod())) {
					// as long as checking a real client's secret
					ENCODER.matches(request.getCredentials().toString(), dummySecretHash);
				}
				result = delegate.authenticate(authentication);
			}
			catch (OAuth2AuthenticationException refused) {
				if (OAuth2ErrorCodes.INVALID_CLIENT.equals(refused.getError().getErrorCode())) {
					attempt.failed();
				}
				else {
					attempt.abandoned();
				}
				throw refused;
			}
			catch (RuntimeException ex) {
				attempt.abandoned();
				throw ex;
			}
			if (result == null) {
				attempt.abandoned();
			}
			else {
				attempt.succeeded();
			}
			return result;
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return delegate.supports(authentication);
		}

	}

	/** A client authentication refused by the brake. */
	static final class ClientLocked extends OAuth2AuthenticationException {

		private final long retryAfterSeconds;

		ClientLocked(SignInLocked locked) {
			super(new OAuth2Error(TOO_MANY_ATTEMPTS, locked.getMessage(), null), locked.getMessage());
			this.retryAfterSeconds = locked.retryAfterSeconds();
		}

	}

	private static void writeError(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		SecurityContextHolder.clearContext();
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		OAuth2Error body;
		if (exception instanceof ClientLocked locked) {
			http.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			http.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds));
			body = locked.getError();
		}
		else {
			OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
					: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
			http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
			// as Spring's own handler: the error code only, no description that could help a guesser
			body = new OAuth2Error(error.getErrorCode());
		}
		new OAuth2ErrorHttpMessageConverter().write(body, null, http);
	}

}
