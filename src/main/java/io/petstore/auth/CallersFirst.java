package io.petstore.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Who is calling is settled before what they sent is read: for an operation that takes a
 * {@link Caller}, the caller is checked (401, 403) before Spring reads and validates the body or
 * any other argument, whatever the order of the controller's parameters. Registered by
 * {@link AuthWebConfig}.
 */
class CallersFirst implements HandlerInterceptor {

	private final CallContexts contexts;

	CallersFirst(CallContexts contexts) {
		this.contexts = contexts;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			for (MethodParameter parameter : method.getMethodParameters()) {
				if (parameter.getParameterType() == Caller.class && !CallerArgumentResolver.optional(parameter)) {
					contexts.of(request).user();
					break;
				}
			}
		}
		return true;
	}

}
