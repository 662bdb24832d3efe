package io.petstore.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import io.petstore.tenancy.InvalidTenantException;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Problems;

/**
 * Who is calling under {@code /v1}: reads of the catalog, registration and login are public; every
 * write needs a valid bearer token (401 here). Which scope, role and owner each operation needs is
 * checked by the module API it calls ({@link CallContext#require}, {@link Caller#require},
 * {@link Admins}), the same for every protocol. With
 * {@code petstore.v1.strict-auth=true} the inventory reads need a token too, as the spec declares.
 * The Admin API ({@code /v1/admin/**}) needs a token; the admin module checks the role.
 * Other paths (the classic API, documents, UI) are not touched by this chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class V1SecurityConfig {

	@Bean
	SecurityFilterChain v1Security(HttpSecurity http, JsonMapper json, BearerTokens tokens,
			@Value("${petstore.v1.strict-auth:false}") boolean strict) throws Exception {
		BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
		// the same answers whether the token is bad (resource server) or absent (exception handling)
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				// the token could not be checked (the database is busy or down): try again, not a bad token
				response.setHeader("Retry-After", "1");
				writeProblem(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
				return;
			}
			challenge.commence(request, response, ex);
			writeProblem(json, request, response, HttpStatus.UNAUTHORIZED, describe(request, ex));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			denied.handle(request, response, ex);
			writeProblem(json, request, response, HttpStatus.FORBIDDEN, "The token lacks the scope this operation requires.");
		};
		http.securityMatcher("/v1/**")
			.csrf(csrf -> csrf.disable())
			.cors(cors -> { })
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.anonymous(anonymous -> { })
			.authorizeHttpRequests(authorize -> {
				// who is calling; which scope, role and owner an operation needs is checked by the
				// module API it calls (the same for every protocol), after the token is known to be good
				authorize
					.requestMatchers(HttpMethod.POST, "/v1/pets/search").permitAll()
					.requestMatchers(HttpMethod.POST, "/v1/pets", "/v1/pets/*/images").authenticated()
					.requestMatchers(HttpMethod.PUT, "/v1/pets/*").authenticated()
					.requestMatchers(HttpMethod.DELETE, "/v1/pets/*").authenticated()
					.requestMatchers(HttpMethod.POST, "/v1/users", "/v1/auth/tokens").permitAll()
					.requestMatchers("/v1/users/*").authenticated()
					.requestMatchers(HttpMethod.POST, "/v1/orders", "/v1/orders/*/payment").authenticated()
					.requestMatchers(HttpMethod.GET, "/v1/orders/*").authenticated()
					.requestMatchers(HttpMethod.DELETE, "/v1/orders/*").authenticated()
					.requestMatchers("/v1/webhooks/**", "/v1/webhook-deliveries/**").authenticated()
					.requestMatchers("/v1/admin/**").authenticated()
					.requestMatchers(HttpMethod.POST, "/v1/chat/completions").authenticated();
				if (strict) {
					authorize.requestMatchers(HttpMethod.GET, "/v1/inventories", "/v1/inventory").authenticated();
				}
				authorize.anyRequest().permitAll();
			})
			.oauth2ResourceServer(oauth2 -> oauth2.authenticationManagerResolver(request -> bearer(tokens, request))
				.bearerTokenResolver(request -> OWN_CREDENTIALS.matches(request) ? null : HEADER_TOKENS.resolve(request))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				// the filter's default failure handler rethrows AuthenticationServiceException (a 500);
				// the entry point answers it with 503 instead
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(unauthorized::commence);
						return filter;
					}
				}))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
		return http.build();
	}

	/**
	 * What the resource server's JWT support does ({@code JwtAuthenticationProvider}: the same
	 * messages, {@code SCOPE_} authorities), through {@link BearerTokens#decode}, so that a made-up
	 * value gets its stand-in user in lenient mode, in the tenant the request names.
	 */
	private static AuthenticationManager bearer(BearerTokens tokens, HttpServletRequest request) {
		return authentication -> {
			BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) authentication;
			Tenant tenant;
			try {
				tenant = Tenant.fromHeader(request.getHeader(Tenant.HEADER));
			}
			catch (InvalidTenantException malformed) {
				tenant = null;
			}
			Jwt jwt;
			try {
				jwt = tokens.decode(bearer.getToken(), tenant);
			}
			catch (BadJwtException invalid) {
				throw new InvalidBearerTokenException(invalid.getMessage(), invalid);
			}
			catch (JwtException unchecked) {
				throw new AuthenticationServiceException(unchecked.getMessage(), unchecked);
			}
			AbstractAuthenticationToken token = JWT_AUTHENTICATION.convert(jwt);
			if (token.getDetails() == null) {
				token.setDetails(bearer.getDetails());
			}
			return token;
		};
	}

	private static final JwtAuthenticationConverter JWT_AUTHENTICATION = new JwtAuthenticationConverter();

	private static final DefaultBearerTokenResolver HEADER_TOKENS = new DefaultBearerTokenResolver();

	/**
	 * Adapters that read their own credentials and feed {@link CallContexts#open} (GraphQL: the
	 * header over HTTP, the {@code connection_init} payload over WebSocket; SOAP: the headers of the
	 * envelope's request; the WebSocket chat: {@code ?token=} or the header at the handshake), so that a
	 * bad token is answered in their protocol's own error form.
	 */
	private static final RequestMatcher OWN_CREDENTIALS = new org.springframework.security.web.util.matcher.OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/v1/graphql"), PathPatternRequestMatcher.withDefaults().matcher("/v1/soap/**"), PathPatternRequestMatcher.withDefaults().matcher("/v1/ws/chat"));

	/**
	 * No observation per security filter, authentication and authorization (Spring Security makes
	 * them whenever an ObservationRegistry exists): on {@code GET /v1/pets/{id}} they were about a
	 * fifth of the CPU (docs/performance.md, issue 20). Requests keep their
	 * {@code http.server.requests} timing. Back with {@code petstore.security.observations=true}.
	 */
	@Bean
	@ConditionalOnProperty(name = "petstore.security.observations", havingValue = "false", matchIfMissing = true)
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The non-standard QUERY method (safe search with a body) passes the firewall. */
	@Bean
	WebSecurityCustomizer allowQueryMethod() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return web -> web.httpFirewall(firewall);
	}

	private static String describe(HttpServletRequest request, AuthenticationException ex) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || authorization.isBlank()) {
			return "This operation requires a bearer token (Authorization: Bearer <token>).";
		}
		return "The bearer token is invalid: " + ex.getMessage();
	}

	private static void writeProblem(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), Problems.of(status, detail, request.getRequestURI()));
	}

}
