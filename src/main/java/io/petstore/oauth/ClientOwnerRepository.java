package io.petstore.oauth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Spring's {@code JdbcRegisteredClientRepository} does not know of {@code oauth2_registered_client}:
 * the tenant that registered a client through the Admin API ({@code tenant_id}; null for clients
 * from configuration), and deleting a client with its authorizations and consents.
 */
@Repository
class ClientOwnerRepository {

	/** A client's id and whether it comes from configuration (no owning tenant). */
	record Listed(String clientId, boolean configured) {
	}

	private final JdbcClient jdbc;

	ClientOwnerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void setOwner(String id, UUID tenant) {
		jdbc.sql("UPDATE oauth2_registered_client SET tenant_id = ? WHERE id = ?").params(tenant, id).update();
	}

	Optional<UUID> ownerOf(String id) {
		return jdbc.sql("SELECT tenant_id FROM oauth2_registered_client WHERE id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.optional()
			.flatMap(owner -> owner);
	}

	/** The clients a tenant sees: its own and the configured ones, oldest first. */
	List<Listed> visibleTo(UUID tenant) {
		return jdbc.sql("SELECT client_id, tenant_id FROM oauth2_registered_client WHERE tenant_id = ? OR tenant_id IS NULL "
				+ "ORDER BY client_id_issued_at, client_id")
			.param(tenant)
			.query((rs, row) -> new Listed(rs.getString(1), rs.getObject(2) == null))
			.list();
	}

	/** Deletes the client, its authorizations (so its tokens stop working) and its consents. */
	void deleteWithAuthorizations(String id) {
		jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?").param(id).update();
		jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?").param(id).update();
		jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(id).update();
	}

}
