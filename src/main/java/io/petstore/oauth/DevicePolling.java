package io.petstore.oauth;

import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

/**
 * RFC 8628's {@code slow_down}, which Spring's device-code provider leaves to the application: a
 * device that polls the token endpoint sooner than its interval after its previous poll gets
 * {@code slow_down}, and its interval grows by 5 seconds for this and every later poll. The last
 * poll of each device code is kept in {@code oauth2_device_poll}, so every instance agrees.
 * Otherwise Spring's provider answers ({@code authorization_pending}, {@code access_denied},
 * {@code expired_token}, or the tokens).
 */
final class DevicePolling implements AuthenticationProvider {

	static final String SLOW_DOWN = "slow_down";

	private static final int SLOW_DOWN_STEP_SECONDS = 5;

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	private final DevicePollRepository polls;

	private final int intervalSeconds;

	DevicePolling(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations, DevicePollRepository polls,
			Duration interval) {
		this.delegate = delegate;
		this.authorizations = authorizations;
		this.polls = polls;
		this.intervalSeconds = (int) Math.max(1, interval.toSeconds());
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2DeviceCodeAuthenticationToken poll = (OAuth2DeviceCodeAuthenticationToken) authentication;
		OAuth2Authorization authorization = authorizations.findByToken(poll.getDeviceCode(),
				new OAuth2TokenType("device_code"));
		if (authorization != null) {
			checkInterval(authorization.getId());
		}
		Authentication tokens = delegate.authenticate(authentication);
		if (authorization != null) {
			polls.delete(authorization.getId());
		}
		return tokens;
	}

	private void checkInterval(String authorizationId) {
		Instant now = Instant.now();
		var last = polls.find(authorizationId);
		if (last.isEmpty()) {
			try {
				polls.insert(authorizationId, now, intervalSeconds);
			}
			catch (DuplicateKeyException concurrentPoll) {
				throw slowDown(intervalSeconds + SLOW_DOWN_STEP_SECONDS);
			}
			return;
		}
		int interval = last.get().intervalSeconds();
		if (now.isBefore(last.get().at().plusSeconds(interval))) {
			int slower = interval + SLOW_DOWN_STEP_SECONDS;
			polls.update(authorizationId, now, slower);
			throw slowDown(slower);
		}
		polls.update(authorizationId, now, interval);
	}

	private static OAuth2AuthenticationException slowDown(int interval) {
		return new OAuth2AuthenticationException(new OAuth2Error(SLOW_DOWN,
				"Polling too fast: wait at least " + interval + " seconds between token requests.",
				"https://datatracker.ietf.org/doc/html/rfc8628#section-3.5"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2DeviceCodeAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
