package io.petstore.websocket;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.petstore.tenancy.Tenant;

/** The open chat connections of this instance, per user (for the per-user cap). */
@Component
class Connections {

	private record UserKey(Tenant tenant, UUID user) {
	}

	private final Map<UserKey, Set<ChatConnection>> byUser = new ConcurrentHashMap<>();

	int count(Tenant tenant, UUID user) {
		Set<ChatConnection> open = byUser.get(new UserKey(tenant, user));
		return open == null ? 0 : open.size();
	}

	/** Adds the connection; answers how many the user holds now (this one included). */
	int add(Tenant tenant, UUID user, ChatConnection connection) {
		Set<ChatConnection> open = byUser.computeIfAbsent(new UserKey(tenant, user), key -> ConcurrentHashMap.newKeySet());
		open.add(connection);
		return open.size();
	}

	void remove(Tenant tenant, UUID user, ChatConnection connection) {
		byUser.computeIfPresent(new UserKey(tenant, user), (key, open) -> {
			open.remove(connection);
			return open.isEmpty() ? null : open;
		});
	}

	/** Every open connection of this instance. */
	int total() {
		return byUser.values().stream().mapToInt(Set::size).sum();
	}

}
