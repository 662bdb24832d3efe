package io.petstore.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.petstore.audit.AuditTrail;
import io.petstore.signin.SignInLocked;
import io.petstore.tenancy.Tenant;
import io.petstore.tenancy.TenantService;

/**
 * Resolves {@link InboxAccount} parameters from the {@code api_key} header (or, where
 * {@link PasswordAccepted}, HTTP Basic with a classic user's credentials): 401 when neither is
 * given or valid, 429 with {@code Retry-After} while the sign-in brake holds the username or the
 * address (see {@code docs/security.md}). The tenant is the request's {@code X-Tenant-ID}; a key works in its own tenant only.
 */
@Configuration(proxyBeanMethods = false)
class InboxAccountResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String HEADER = "api_key";

	private final ApiKeys keys;

	private final TenantService tenants;

	InboxAccountResolver(ApiKeys keys, TenantService tenants) {
		this.keys = keys;
		this.tenants = tenants;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == InboxAccount.class;
	}

	@Override
	public InboxAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Tenant tenant = Tenant.fromHeader(request.getHeader(Tenant.HEADER));
		tenants.ensureExists(tenant);
		PasswordAccepted password = parameter.getParameterAnnotation(PasswordAccepted.class);
		boolean keyAccepted = password == null || password.keyAccepted();
		String key = request.getHeader(HEADER);
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (password != null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] credentials = basic(authorization.substring(6).trim());
			try {
				return identified(keys.signIn(tenant, credentials[0], credentials[1])
					.orElseThrow(() -> InboxErrors.unauthorized("Invalid username or password", true)));
			}
			catch (SignInLocked locked) {
				throw InboxErrors.tooManyAttempts(locked);
			}
		}
		if (!keyAccepted) {
			throw InboxErrors.unauthorized("Sign in with the user's username and password (HTTP Basic)", true);
		}
		if (key == null || key.isBlank()) {
			throw InboxErrors.unauthorized("The api_key header is required" + (password != null ? " (or HTTP Basic)" : ""),
					password != null);
		}
		return identified(keys.authenticate(tenant, key.trim())
			.orElseThrow(() -> InboxErrors.unauthorized("The api_key is not valid in this tenant (unknown or revoked)",
					password != null)));
	}

	/** Names the account in the audit records of this request's changes. */
	private static InboxAccount identified(InboxAccount account) {
		AuditTrail.actingAs(account.ownerId() == InboxAccount.DEMO_OWNER ? "api-key:demo" : "classic-user:" + account.ownerId());
		return account;
	}

	private static String[] basic(String encoded) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw InboxErrors.unauthorized("Malformed Basic credentials", true);
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw InboxErrors.unauthorized("Malformed Basic credentials", true);
		}
		return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

}
