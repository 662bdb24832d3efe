package io.petstore.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.petstore.auth.Admins;

/**
 * The Admin API's one rule, for every operation under {@code /v1/admin} (this module's and the
 * {@code oauth} module's client registration): the caller's account has the ADMIN role now
 * ({@link Admins#require}, 403 otherwise). Checked before the operation's arguments are
 * read, so a plain user gets 403 whatever body they send, never a 400 or 422 about it.
 */
@Configuration(proxyBeanMethods = false)
class AdminOnly implements WebMvcConfigurer, HandlerInterceptor {

	static final String PATHS = "/v1/admin/**";

	private final Admins admins;

	AdminOnly(Admins admins) {
		this.admins = admins;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod) {
			admins.require(request);
		}
		return true;
	}

}
