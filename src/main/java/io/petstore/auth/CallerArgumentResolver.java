package io.petstore.auth;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * Resolves a {@link Caller} parameter from the verified token. A token is only good in the tenant
 * it was issued for: sending it with another {@code X-Tenant-ID} is refused (403). The checks run
 * once per request, before any other argument is read ({@link CallersFirst}).
 */
@Component
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ATTRIBUTE = Caller.class.getName();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		if (optional(parameter) && !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
			return null;
		}
		return require(request.getNativeRequest(HttpServletRequest.class));
	}

	/** A {@code Caller} parameter that may be null (no token: null instead of a 401). */
	static boolean optional(MethodParameter parameter) {
		return parameter.isOptional() || parameter.hasParameterAnnotation(org.springframework.lang.Nullable.class);
	}

	/**
	 * The request's caller, checked once (the result is kept on the request): 401 without a valid
	 * token, 403 for a token that names no user or was issued for another tenant.
	 */
	static Caller require(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Caller known) {
			return known;
		}
		Caller caller = Caller.current().orElse(null);
		if (caller == null && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
			throw DomainException.forbidden(
					"This operation acts for a user; a client-credentials token names no user. Use a user's token.");
		}
		if (caller == null) {
			throw DomainException.unauthorized("This operation requires a bearer token (Authorization: Bearer <token>).");
		}
		Tenant requested = Tenant.fromHeader(request.getHeader(Tenant.HEADER));
		if (!requested.equals(caller.tenant())) {
			throw DomainException.forbidden("The token was issued for another tenant than X-Tenant-ID names.");
		}
		request.setAttribute(ATTRIBUTE, caller);
		return caller;
	}

	static Caller from(Jwt jwt) {
		return new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(TokenService.USERNAME_CLAIM),
				new Tenant(UUID.fromString(jwt.getClaimAsString(TokenService.TENANT_CLAIM))), scopes(jwt));
	}

	/** The space-separated {@code scope} claim as a set. */
	static Set<String> scopes(Jwt jwt) {
		String scope = jwt.getClaimAsString("scope");
		Set<String> scopes = new LinkedHashSet<>();
		if (scope != null) {
			for (String s : scope.split(" ")) {
				if (!s.isBlank()) {
					scopes.add(s);
				}
			}
		}
		return scopes;
	}

}
