package io.petstore.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The pages a person sees: the login form (users of the Modern API; the tenant is optional, and
 * filled in from a {@code tenant} parameter of the authorization request that led to it), the
 * sign-out form, the
 * device verification form where the user code shown on a device is typed in, and the page after a
 * device was approved. The consent page is Spring's.
 */
@Controller
class Pages {

	static final String LOGIN = "/login";

	static final String LOGOUT = "/logout";

	static final String CONTINUE = "continue";

	static final String DEVICE = "/oauth2/device_verification";

	@GetMapping(path = LOGIN, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String login(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf,
			@RequestParam(required = false) String tenant) {
		if (tenant == null) {
			// an authorization request may name the tenant to sign in to (the web pages do)
			SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
			String[] named = saved == null ? null : saved.getParameterValues(UserLogin.TENANT_PARAMETER);
			tenant = named == null || named.length != 1 ? null : named[0];
		}
		String message = "";
		if (request.getParameter("error") != null) {
			HttpSession session = request.getSession(false);
			Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			message = error(failure instanceof AuthenticationException ex ? ex.getMessage() : "Invalid username or password.");
		}
		else if (request.getParameter("logout") != null) {
			message = "<p role=\"status\">You have signed out.</p>";
		}
		return loginPage(message, tenant, csrf);
	}

	/** The login form, after a message (HTML, may be empty). */
	static String loginPage(String message, String tenant, CsrfToken csrf) {
		return page("Sign in", message + """
				<form method="post" action="/login">
				  <label>Username <input name="username" autocomplete="username" required autofocus></label>
				  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
				  <label>Tenant (X-Tenant-ID; empty for the shared pool) <input name="tenant" value="%s"></label>
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit">Sign in</button>
				</form>
				<p>Accounts are the Modern Pet Store's users (<code>POST /v1/users</code>).</p>
				""".formatted(htmlEscape(tenant == null ? "" : tenant), htmlEscape(csrf.getParameterName()),
				htmlEscape(csrf.getToken())));
	}

	static String error(String text) {
		return "<p class=\"error\" role=\"alert\">" + htmlEscape(text) + "</p>";
	}

	/**
	 * Signing out of the authorization server (its session cookie): a form, so that the sign-out
	 * keeps its CSRF protection; {@code continue} is where to go afterwards (one of the web pages).
	 */
	@GetMapping(path = LOGOUT, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String logout(CsrfToken csrf, @RequestParam(name = CONTINUE, required = false) String next) {
		return page("Sign out", """
				<p>Sign out of Petstore on this browser?</p>
				<form method="post" action="%s">
				  <input type="hidden" name="%s" value="%s">
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit" autofocus>Sign out</button>
				</form>
				""".formatted(LOGOUT, htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken()), CONTINUE,
				htmlEscape(afterLogout(next))));
	}

	/** Where a sign-out goes: the web page it came from (a path of ours only), else the login page. */
	static String afterLogout(String next) {
		return next != null && next.matches("/(store|admin)/") ? next : LOGIN + "?logout";
	}

	/** Without {@code user_code} (with one, Spring's verification endpoint answers). */
	@GetMapping(path = DEVICE, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String deviceVerification() {
		return page("Connect a device", """
				<p>Enter the code your device shows.</p>
				<form method="get" action="%s">
				  <label>Code <input name="user_code" autocomplete="off" required autofocus placeholder="XXXX-XXXX"></label>
				  <button type="submit">Continue</button>
				</form>
				""".formatted(DEVICE));
	}

	static void deviceApproved(HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(page("Device connected", "<p role=\"status\">Your device is connected. You can close this page and return to it.</p>"));
	}

	static String page(String title, String body) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · Petstore</title>
				<style>
				  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
				  label { display: block; margin: .75rem 0; } input { display: block; width: 100%%; padding: .4rem; box-sizing: border-box; }
				  button { margin-top: .75rem; padding: .5rem 1.25rem; } .error { color: #b00020; }
				</style></head>
				<body><h1>%s</h1>
				%s
				</body></html>
				""".formatted(htmlEscape(title), htmlEscape(title), body);
	}

}
