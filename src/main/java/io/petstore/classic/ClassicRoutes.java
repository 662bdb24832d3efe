package io.petstore.classic;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The reference server's routing of the 20 operations' paths (Jersey's), in reference mode:
 * <ul>
 * <li>one trailing slash is ignored ({@code GET /v2/pet/1/} is {@code GET /v2/pet/1});</li>
 * <li>{@code OPTIONS} on an operation path answers 204 with {@code Allow} listing {@code OPTIONS},
 * {@code HEAD} (where there is a GET) and the declared methods, in the reference's order (a CORS
 * preflight gets the CORS headers too);</li>
 * <li>{@code TRACE} is 403 with an empty body.</li>
 * </ul>
 * In both modes a literal path ({@code /user/login}, {@code /pet/findByStatus}, ...) is never read
 * as a template's value: {@code DELETE /v2/user/login} is a 405, not the deletion of a user named
 * {@code login} ({@link #literalRoute}, checked by {@link ClassicWebConfig}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class ClassicRoutes extends OncePerRequestFilter {

	/** The operation paths (literal ones before templates) and the reference's {@code Allow}. */
	private static final List<Route> ROUTES = List.of(
			new Route("/v2/pet", "OPTIONS,POST,PUT"),
			new Route("/v2/pet/findByStatus", "OPTIONS,HEAD,GET"),
			new Route("/v2/pet/findByTags", "OPTIONS,HEAD,GET"),
			new Route("/v2/pet/*", "OPTIONS,HEAD,DELETE,POST,GET"),
			new Route("/v2/pet/*/uploadImage", "OPTIONS,POST"),
			new Route("/v2/store/inventory", "OPTIONS,HEAD,GET"),
			new Route("/v2/store/order", "OPTIONS,POST"),
			new Route("/v2/store/order/*", "OPTIONS,HEAD,DELETE,GET"),
			new Route("/v2/user", "OPTIONS,POST"),
			new Route("/v2/user/createWithArray", "OPTIONS,POST"),
			new Route("/v2/user/createWithList", "OPTIONS,POST"),
			new Route("/v2/user/login", "OPTIONS,HEAD,GET"),
			new Route("/v2/user/logout", "OPTIONS,HEAD,GET"),
			new Route("/v2/user/*", "OPTIONS,HEAD,DELETE,GET,PUT"));

	private final ClassicMode mode;

	ClassicRoutes(ClassicMode mode) {
		this.mode = mode;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return mode.strict() || !(path.startsWith("/v2/pet") || path.startsWith("/v2/store/") || path.startsWith("/v2/user"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (path.endsWith("/") && !path.endsWith("//") && route(path.substring(0, path.length() - 1)).isPresent()) {
			request = new WithoutTrailingSlash(request);
			path = request.getRequestURI();
		}
		if ("TRACE".equals(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		Optional<Route> route = route(path);
		if (route.isEmpty() || !HttpMethod.OPTIONS.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		response.setHeader(HttpHeaders.ALLOW, route.get().allow());
		if (CorsUtils.isPreFlightRequest(request)) {
			chain.doFilter(request, new NoContent(response)); // the CORS headers (or a refusal) from Spring's CORS handling
		}
	}

	/** The route of a path, if it is one of the operation paths. */
	static Optional<Route> route(String path) {
		String[] segments = path.split("/", -1);
		return ROUTES.stream().filter(route -> route.matches(segments)).findFirst();
	}

	/**
	 * The literal route a path names whose methods do not include this one, if any: such a request
	 * is a 405, never a templated operation with the literal as its value.
	 */
	static Optional<Route> literalRoute(String path, String method) {
		return route(path).filter(route -> !route.templated() && !route.methods().contains(method));
	}

	record Route(String pattern, String allow) {

		String[] segments() {
			return pattern.split("/", -1);
		}

		boolean templated() {
			return pattern.contains("*");
		}

		Set<String> methods() {
			return Arrays.stream(allow.split(",")).collect(Collectors.toUnmodifiableSet());
		}

		/** The declared methods (without OPTIONS and HEAD), for a 405's {@code Allow}. */
		Set<HttpMethod> declared() {
			return methods().stream()
				.filter(m -> !m.equals("OPTIONS") && !m.equals("HEAD"))
				.map(HttpMethod::valueOf)
				.collect(Collectors.toUnmodifiableSet());
		}

		boolean matches(String[] path) {
			String[] own = segments();
			if (own.length != path.length) {
				return false;
			}
			for (int i = 0; i < own.length; i++) {
				if (own[i].equals("*") ? path[i].isEmpty() : !own[i].equals(path[i])) {
					return false;
				}
			}
			return true;
		}

	}

	/** The request without its one trailing slash, as Jersey matched it. */
	private static final class WithoutTrailingSlash extends HttpServletRequestWrapper {

		WithoutTrailingSlash(HttpServletRequest request) {
			super(request);
		}

		private static String strip(String value) {
			return value != null && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
		}

		@Override
		public String getRequestURI() {
			return strip(super.getRequestURI());
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(strip(super.getRequestURL().toString()));
		}

		@Override
		public String getServletPath() {
			return strip(super.getServletPath());
		}

		@Override
		public String getPathInfo() {
			String info = super.getPathInfo();
			return info == null || info.equals("/") ? info : strip(info);
		}

	}

	/** A preflight answered 204 (not Spring's 200), with the reference's {@code Allow}. */
	private static final class NoContent extends HttpServletResponseWrapper {

		NoContent(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			super.setStatus(status == SC_OK ? SC_NO_CONTENT : status);
		}

		@Override
		public void setHeader(String name, String value) {
			if (!HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
				super.addHeader(name, value);
			}
		}

	}

}
