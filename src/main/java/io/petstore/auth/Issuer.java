package io.petstore.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code iss} of the tokens we sign. With {@code spring.security.oauth2.authorizationserver.issuer}
 * set, that URL everywhere (and the resource server requires it). Unset, the address the request
 * came to (what the authorization server's discovery document reports too), so discovery works on
 * any host and port; the resource server then trusts every token our own keys signed.
 */
@Component
public class Issuer {

	/** Outside a request (no address to derive one from). */
	static final String FALLBACK = "petstore";

	private final String configured;

	Issuer(@Value("${spring.security.oauth2.authorizationserver.issuer:}") String configured) {
		this.configured = StringUtils.hasText(configured) ? configured.strip() : null;
	}

	/** The configured issuer, or null when it follows the request. */
	String configured() {
		return configured;
	}

	String current() {
		if (configured != null) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() == null) {
			return FALLBACK;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).replaceQuery(null).build().toUriString();
	}

}
