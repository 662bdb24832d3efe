package io.petstore.classic.user;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/**
 * SQL for {@code classic_user}. The {@code password} field of the users passed in here already
 * holds the password hash. Callers hold the transaction.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, username, first_name, last_name, email, password_hash, phone, user_status";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored user, {@code password} holding the hash. */
	Optional<User> findByUsername(Tenant tenant, String username, boolean forUpdate) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_user WHERE tenant_id = ? AND username = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.params(tenant.id(), username)
			.query((rs, row) -> new User(rs.getLong("id"), rs.getString("username"), rs.getString("first_name"),
					rs.getString("last_name"), rs.getString("email"), rs.getString("password_hash"), rs.getString("phone"),
					rs.getInt("user_status")))
			.optional();
	}

	/** The stored user with this id (locked), {@code password} holding the hash. */
	Optional<User> findById(Tenant tenant, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_user WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query((rs, row) -> new User(rs.getLong("id"), rs.getString("username"), rs.getString("first_name"),
					rs.getString("last_name"), rs.getString("email"), rs.getString("password_hash"), rs.getString("phone"),
					rs.getInt("user_status")))
			.optional();
	}

	/** Replaces the user with this id or creates it (a null password keeps the stored hash). */
	void upsert(Tenant tenant, User user) {
		int updated = jdbc.sql("UPDATE classic_user SET username = ?, first_name = ?, last_name = ?, email = ?, "
				+ "password_hash = COALESCE(?, password_hash), phone = ?, user_status = ? WHERE tenant_id = ? AND id = ?")
			.params(user.username(), user.firstName(), user.lastName(), user.email(), user.password(), user.phone(),
					user.userStatus(), tenant.id(), user.id())
			.update();
		if (updated == 0) {
			insert(tenant, user);
		}
	}

	void insert(Tenant tenant, User user) {
		jdbc.sql("INSERT INTO classic_user (tenant_id, id, username, first_name, last_name, email, password_hash, phone, user_status) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), user.id(), user.username(), user.firstName(), user.lastName(), user.email(),
					user.password(), user.phone(), user.userStatus())
			.update();
	}

	/** Stores the sealed readable copy of the user's password (null: none). */
	void storeSealedPassword(Tenant tenant, long id, String sealed) {
		jdbc.sql("UPDATE classic_user SET password_sealed = ? WHERE tenant_id = ? AND id = ?").params(sealed, tenant.id(), id).update();
	}

	/** The sealed readable copy of the password of the user with this username, if there is one. */
	Optional<SealedPassword> findSealedPassword(Tenant tenant, String username) {
		return jdbc.sql("SELECT id, password_sealed FROM classic_user WHERE tenant_id = ? AND username = ? AND password_sealed IS NOT NULL")
			.params(tenant.id(), username)
			.query((rs, row) -> new SealedPassword(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	record SealedPassword(long id, String sealed) {
	}

	/** A sealed password copy with its row, for sealing it again. */
	record StoredSeal(Tenant tenant, long id, String sealed) {
	}

	/** Every sealed password copy that does not begin with {@code prefix} (the current key's). */
	java.util.List<StoredSeal> sealedPasswordsNotBeginningWith(String prefix) {
		return jdbc.sql("SELECT tenant_id, id, password_sealed FROM classic_user WHERE password_sealed IS NOT NULL "
				+ "AND password_sealed NOT LIKE ?")
			.param(prefix + "%")
			.query((rs, row) -> new StoredSeal(new Tenant(rs.getObject(1, java.util.UUID.class)), rs.getLong(2), rs.getString(3)))
			.list();
	}

	/** Replaces a sealed copy if the row still holds {@code old} (another instance may have done it). */
	boolean replaceSealedPassword(StoredSeal old, String replacement) {
		return jdbc.sql("UPDATE classic_user SET password_sealed = ? WHERE tenant_id = ? AND id = ? AND password_sealed = ?")
			.params(replacement, old.tenant().id(), old.id(), old.sealed())
			.update() == 1;
	}

	boolean deleteByUsername(Tenant tenant, String username) {
		return jdbc.sql("DELETE FROM classic_user WHERE tenant_id = ? AND username = ?").params(tenant.id(), username).update() == 1;
	}

	boolean exists(Tenant tenant, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM classic_user WHERE tenant_id = ? AND id = ?").params(tenant.id(), id)
			.query(Long.class).single() > 0;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM classic_user WHERE tenant_id = ?").param(tenant.id()).update();
	}

}
