package io.petstore.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

import io.petstore.signin.SignInBrake;

/**
 * The authorization server's two filter chains and its stores. The first serves Spring's endpoints
 * ({@code /oauth2/*}, {@code /.well-known/*}, {@code /userinfo}), the device verification page and
 * the classic {@code /oauth/dialog}; a browser that is not signed in is sent to {@code /login}. The
 * second serves the login form (a session cookie, CSRF-protected). Clients, authorizations and
 * consents are kept in the database through Spring's JDBC stores, so every instance shares them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuthProperties.class)
class AuthorizationServerConfig {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, OAuth2AuthorizationService authorizations,
			OAuthProperties properties, DevicePollRepository polls, OAuth2TokenGenerator<?> tokens, RegisteredClientRepository clients,
			SignInBrake brake, OAuthClients registry) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		PublicClients publicClients = new PublicClients(clients);
		ClientBrake clientBrake = new ClientBrake(brake, clients, registry);
		http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
				PathPatternRequestMatcher.withDefaults().matcher(ImplicitGrantController.PATH)))
			.with(server, as -> as.tokenGenerator(tokens)
				.oidc(Customizer.withDefaults())
				.clientAuthentication(authentication -> authentication
					.authenticationConverters(converters -> converters.add(0, publicClients))
					.authenticationProviders(providers -> {
						providers.replaceAll(clientBrake::wrap);
						providers.add(0, publicClients);
					})
					.errorResponseHandler(clientBrake.errors()))
				.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.forEach(provider -> {
					if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
						codes.setAuthenticationValidator(RedirectUris.validator());
					}
				})))
				.deviceAuthorizationEndpoint(endpoint -> endpoint
					.deviceAuthorizationResponseHandler((request, response, authentication) -> sendDeviceAuthorization(
							response, authentication, properties)))
				.deviceVerificationEndpoint(endpoint -> endpoint.deviceVerificationResponseHandler(
						(request, response, authentication) -> Pages.deviceApproved(response)))
				.tokenEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.replaceAll(provider ->
						provider instanceof OAuth2DeviceCodeAuthenticationProvider
								? new DevicePolling(provider, authorizations, polls, properties.devicePollInterval()) : provider))))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			// the OIDC UserInfo endpoint takes the access token
			.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(Pages.LOGIN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginChain(HttpSecurity http, UserLogin users) throws Exception {
		// its own manager, without the global one as parent: that one holds the same UserLogin bean, and
		// a wrong password would be checked twice (two Argon2 hashes per failure)
		http.securityMatcher(Pages.LOGIN, Pages.LOGOUT)
			.authenticationManager(new ProviderManager(users))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.formLogin(form -> form.loginPage(Pages.LOGIN).failureHandler(new LoginFailures()))
			.logout(logout -> logout.logoutSuccessHandler((request, response, authentication) -> response
				.sendRedirect(Pages.afterLogout(request.getParameter(Pages.CONTINUE)))));
		return http.build();
	}

	/** Spring's JDBC store; ids that no client can have name none (see {@link CheckedClientRepository}). */
	@Bean
	RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
		return new CheckedClientRepository(new JdbcRegisteredClientRepository(jdbc));
	}

	@Bean
	RevocationList authorizationService(JdbcOperations jdbc, RevokedTokenRepository revoked, RegisteredClientRepository clients) {
		return new RevocationList(new JdbcOAuth2AuthorizationService(jdbc, clients), revoked);
	}

	@Bean
	OAuth2TokenValidator<Jwt> revokedTokens(RevocationList revocations) {
		return revocations.validator();
	}

	@Bean
	OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	/** Spring's JWT generator with our claims, signing with the {@code auth} module's encoder and keys. */
	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, TokenClaims claims) {
		JwtGenerator jwt = new JwtGenerator(encoder);
		jwt.setJwtCustomizer(claims);
		return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
	}

	@Bean
	ApplicationRunner registerConfiguredClients(OAuthClients clients) {
		return arguments -> clients.registerConfigured();
	}

	/** Spring's device authorization response plus the {@code interval} the polling check enforces. */
	private static void sendDeviceAuthorization(HttpServletResponse response, Authentication authentication,
			OAuthProperties properties) throws IOException {
		OAuth2DeviceAuthorizationRequestAuthenticationToken request = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		var context = AuthorizationServerContextHolder.getContext();
		UriComponentsBuilder verification = UriComponentsBuilder
			.fromUriString(context.getIssuer() + context.getAuthorizationServerSettings().getDeviceVerificationEndpoint());
		OAuth2DeviceAuthorizationResponse body = OAuth2DeviceAuthorizationResponse
			.with(request.getDeviceCode(), request.getUserCode())
			.verificationUri(verification.build().toUriString())
			.verificationUriComplete(verification.queryParam("user_code", request.getUserCode().getTokenValue()).build().toUriString())
			.interval(Math.max(1, properties.devicePollInterval().toSeconds()))
			.build();
		new OAuth2DeviceAuthorizationResponseHttpMessageConverter().write(body, null, new ServletServerHttpResponse(response));
	}

}
