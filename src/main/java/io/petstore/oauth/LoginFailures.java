package io.petstore.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the login form's failures answer. A lock of the sign-in brake is a 429 with
 * {@code Retry-After}: the login page again, saying how long to wait, so that a person sees it and
 * a script can tell it from a wrong password. Any other failure goes back to
 * {@code /login?error}, which shows the message (Spring's usual behaviour).
 */
final class LoginFailures implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler others = new SimpleUrlAuthenticationFailureHandler(Pages.LOGIN + "?error");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		if (!(exception instanceof LoginLocked locked)) {
			others.onAuthenticationFailure(request, response, exception);
			return;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, locked.retryAfter());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		response.getWriter().write(Pages.loginPage(Pages.error(locked.getMessage()), request.getParameter(UserLogin.TENANT_PARAMETER), csrf));
	}

}
