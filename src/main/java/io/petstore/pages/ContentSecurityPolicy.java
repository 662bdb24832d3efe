package io.petstore.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy (and its companions) of the pages: scripts, styles and connections
 * only from this origin, no inline script, no plugins, never framed. Pet photos may come from any
 * https address (a pet's {@code photos} are URLs its owner gave).
 */
@Configuration(proxyBeanMethods = false)
public class ContentSecurityPolicy {

	/** The policy sent with every page, script and style of the web pages. */
	public static final String POLICY = String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
			"img-src 'self' https: data: blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
			"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'");

	static final String[] PATHS = { "/store/*", "/admin/*", "/app/*", "/store", "/admin" };

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pagesContentSecurityPolicy() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Referrer-Policy", "no-referrer");
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns(PATHS);
		registration.setName("pagesContentSecurityPolicy");
		return registration;
	}

}
