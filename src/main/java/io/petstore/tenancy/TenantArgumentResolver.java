package io.petstore.tenancy;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Tenant} parameter, resolved from {@code X-Tenant-ID}. */
@Component
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

	private final TenantService tenants;

	TenantArgumentResolver(TenantService tenants) {
		this.tenants = tenants;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Tenant.class;
	}

	@Override
	public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Tenant tenant = Tenant.fromHeader(request.getHeader(Tenant.HEADER));
		tenants.ensureExists(tenant);
		return tenant;
	}

}
