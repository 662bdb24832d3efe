package io.petstore.oauth;

import java.net.URI;
import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Redirect URI matching. A registered URI is compared exactly (Spring's rules, which also let a
 * loopback IP literal use any port), except a registered <em>path</em> (such as Swagger UI's
 * {@code /webjars/swagger-ui/oauth2-redirect.html}), which matches that path on the origin the
 * authorization request itself came to: this server's own page, at whatever address it is run.
 */
final class RedirectUris {

	private RedirectUris() {
	}

	/** For the authorization endpoint: the same-origin rule, else Spring's redirect and scope checks. */
	static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator() {
		Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirect = context -> {
			OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
			String requested = request.getRedirectUri();
			String origin = origin(request.getAuthorizationUri());
			if (!sameOrigin(context.getRegisteredClient(), requested, origin)) {
				OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
			}
		};
		return redirect.andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);
	}

	/** Whether {@code requested} is one of the client's redirect URIs (exactly, or by the same-origin rule). */
	static boolean allowed(RegisteredClient client, String requested, String origin) {
		return requested != null && (client.getRedirectUris().contains(requested) || sameOrigin(client, requested, origin));
	}

	private static boolean sameOrigin(RegisteredClient client, String requested, String origin) {
		if (requested == null || origin == null) {
			return false;
		}
		return client.getRedirectUris().stream().anyMatch(uri -> uri.startsWith("/") && requested.equals(origin + uri));
	}

	/** {@code scheme://host[:port]} of a URL, or null. */
	static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		}
		catch (IllegalArgumentException unparsable) {
			return null;
		}
	}

}
