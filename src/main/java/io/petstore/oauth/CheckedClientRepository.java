package io.petstore.oauth;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring's client store behind one check of the ids that reach it from outside (the Admin API's
 * path, {@code client_id} parameters of the OAuth2 endpoints and {@code /oauth/dialog}): a value no
 * stored client can have (blank, longer than the 100-character column, with control characters)
 * names no client, instead of tripping the JDBC store's assertion (a 500).
 */
class CheckedClientRepository implements RegisteredClientRepository {

	/** The length of {@code oauth2_registered_client.id} and {@code client_id}. */
	static final int MAX_LENGTH = 100;

	private final RegisteredClientRepository delegate;

	CheckedClientRepository(RegisteredClientRepository delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		delegate.save(registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return possible(id) ? delegate.findById(id) : null;
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return possible(clientId) ? delegate.findByClientId(clientId) : null;
	}

	/** True if a stored client could have this id. */
	static boolean possible(String id) {
		return id != null && !id.isBlank() && id.length() <= MAX_LENGTH && id.chars().noneMatch(Character::isISOControl);
	}

}
