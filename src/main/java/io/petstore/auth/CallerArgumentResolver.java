package io.petstore.auth;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.petstore.tenancy.Tenant;

/**
 * REST's feed of the caller context: a controller's {@link Caller}, {@link Tenant} or
 * {@link CallContext} parameter comes from {@link CallContexts#of(HttpServletRequest)}, an
 * {@link Admin} from {@link Admins#require(HttpServletRequest)}. A
 * {@code Caller} is the user the token names, refused (401, 403) as {@link CallContext#user()}
 * says; the checks run once per request, before any other argument is read ({@link CallersFirst}).
 */
@Component
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final CallContexts contexts;

	private final org.springframework.beans.factory.ObjectProvider<Admins> admins;

	CallerArgumentResolver(CallContexts contexts, org.springframework.beans.factory.ObjectProvider<Admins> admins) {
		this.contexts = contexts;
		this.admins = admins;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Caller.class || type == Tenant.class || type == CallContext.class || type == Admin.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		Class<?> type = parameter.getParameterType();
		if (type == Admin.class) {
			return admins.getObject().require(http);
		}
		CallContext context = contexts.of(http);
		if (type == Tenant.class) {
			return context.tenant();
		}
		if (type == CallContext.class) {
			return context;
		}
		if (optional(parameter) && !context.authenticated()) {
			return null;
		}
		return context.user();
	}

	/** A {@code Caller} parameter that may be null (no token: null instead of a 401). */
	static boolean optional(MethodParameter parameter) {
		return parameter.isOptional() || parameter.hasParameterAnnotation(org.springframework.lang.Nullable.class);
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
