package io.petstore.catalog;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP {@code QUERY} (a safe, idempotent request with a body) on {@code /v1/pets} or
 * {@code /v1/pets/search} is the advanced search. Spring MVC has no QUERY mapping, so the request
 * is handed on as {@code POST /v1/pets/search}, the form for clients that cannot send QUERY.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class QueryMethodFilter extends OncePerRequestFilter {

	static final String SEARCH = "/v1/pets/search";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"QUERY".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (!path.equals("/v1/pets") && !path.equals(SEARCH)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "POST";
			}

			@Override
			public String getRequestURI() {
				return SEARCH;
			}

			@Override
			public StringBuffer getRequestURL() {
				StringBuffer url = new StringBuffer(request.getRequestURL());
				url.setLength(url.length() - request.getRequestURI().length());
				return url.append(SEARCH);
			}

			@Override
			public String getServletPath() {
				return SEARCH;
			}
		}, response);
	}

}
