package io.petstore.classic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.boot.jackson.autoconfigure.XmlMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

import io.petstore.auth.BearerTokens;
import io.petstore.tenancy.Tenant;

/**
 * Classic-only web settings: strict mode's checks ({@code api_key} and {@code petstore_auth}, as the
 * document declares them) and ApiResponse's XML shape.
 */
@Configuration(proxyBeanMethods = false)
class ClassicWebConfig implements WebMvcConfigurer {

	private final boolean strictAuth;

	private final byte[] apiKey;

	private final BearerTokens tokens;

	ClassicWebConfig(ClassicMode mode, @Value("${petstore.classic.api-key}") String apiKey, BearerTokens tokens) {
		this.strictAuth = mode.strict();
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
		this.tokens = tokens;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (strictAuth) {
			registry.addInterceptor(new ApiKeyInterceptor()).addPathPatterns("/v2/**");
		}
		// after the caller checks, as the framework's own conversion of the path ids was
		registry.addInterceptor(new RouteChecks()).addPathPatterns("/v2/pet/**", "/v2/store/**", "/v2/user/**", "/v2/pet", "/v2/user");
	}

	@Bean
	XmlMapperBuilderCustomizer classicApiResponseXml() {
		return builder -> builder.addMixIn(ApiResponse.class, ApiResponse.XmlView.class);
	}

	/**
	 * In both modes, as the reference: a literal path is not a template's value (405 for
	 * {@code DELETE /v2/user/login}), and a path id is read as {@link Long#parseLong} reads it (no
	 * blanks trimmed, no {@code 0x} or {@code #} hex prefix, which Spring's conversion accepts), so
	 * {@code /v2/pet/%202} is a malformed id (404 in reference mode, 400 in strict mode).
	 */
	private static final class RouteChecks implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws HttpRequestMethodNotSupportedException {
			if (!(handler instanceof HandlerMethod method)) {
				return true;
			}
			var literal = ClassicRoutes.literalRoute(request.getRequestURI(), request.getMethod());
			if (literal.isPresent()) {
				throw new HttpRequestMethodNotSupportedException(request.getMethod(),
						literal.get().declared().stream().map(HttpMethod::name).toList());
			}
			@SuppressWarnings("unchecked")
			Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			if (variables == null) {
				return true;
			}
			for (MethodParameter parameter : method.getMethodParameters()) {
				PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
				Class<?> type = parameter.getParameterType();
				if (variable == null || !(type == long.class || type == Long.class)) {
					continue;
				}
				String name = variable.value().isEmpty() ? variable.name() : variable.value();
				name = name.isEmpty() ? parameter.getParameterName() : name;
				String raw = variables.get(name);
				if (raw == null) {
					continue;
				}
				try {
					Long.parseLong(raw);
				}
				catch (NumberFormatException malformed) {
					throw new MethodArgumentTypeMismatchException(raw, long.class, name, parameter, malformed);
				}
			}
			return true;
		}

	}

	private final class ApiKeyInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PetstoreAuth.class)) {
				checkBearer(request);
			}
			if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ApiKeyRequired.class)) {
				String key = request.getHeader("api_key");
				if (key == null) {
					throw new ClassicApiException(HttpStatus.UNAUTHORIZED, ApiResponse.of(401, "api_key header is required"));
				}
				if (!MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
					throw new ClassicApiException(HttpStatus.FORBIDDEN, ApiResponse.of(403, "api_key is not valid"));
				}
			}
			return true;
		}

		/** {@code petstore_auth}: a valid token of this tenant with both declared scopes. */
		private void checkBearer(HttpServletRequest request) {
			Jwt jwt;
			try {
				jwt = tokens.fromHeader(request.getHeader("Authorization")).orElse(null);
			}
			catch (JwtException invalid) {
				throw new ClassicApiException(HttpStatus.UNAUTHORIZED, ApiResponse.of(401, "The bearer token is invalid: "
						+ invalid.getMessage())).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			}
			catch (org.springframework.security.authentication.AuthenticationServiceException busy) {
				throw new ClassicApiException(HttpStatus.SERVICE_UNAVAILABLE, ApiResponse.of(503, busy.getMessage()))
					.withHeader("Retry-After", "1");
			}
			if (jwt == null) {
				throw new ClassicApiException(HttpStatus.UNAUTHORIZED,
						ApiResponse.of(401, "This operation requires an OAuth2 bearer token (petstore_auth)"))
					.withHeader("WWW-Authenticate", "Bearer");
			}
			String tid = jwt.getClaimAsString(io.petstore.auth.TokenService.TENANT_CLAIM);
			if (!Tenant.fromHeader(request.getHeader(Tenant.HEADER)).id().toString().equals(tid)) {
				throw new ClassicApiException(HttpStatus.FORBIDDEN,
						ApiResponse.of(403, "The token was issued for another tenant than X-Tenant-ID names"));
			}
			java.util.Set<String> granted = BearerTokens.scopes(jwt);
			for (String scope : PetstoreAuth.SCOPES) {
				if (!granted.contains(scope)) {
					throw new ClassicApiException(HttpStatus.FORBIDDEN, ApiResponse.of(403, "The token lacks the scope " + scope))
						.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"write:pets read:pets\"");
				}
			}
		}

	}

}
