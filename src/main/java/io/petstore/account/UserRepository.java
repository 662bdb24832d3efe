package io.petstore.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code account_user}. */
@Repository
class UserRepository {

	record Account(User user, String passwordHash, Role role, UserStatus status) {
	}

	private static final String COLUMNS = "id, tenant_id, username, email, first_name, last_name, phone, newsletter, notifications, "
			+ "password_hash, role, status, created_at, updated_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, User user, String passwordHash, Role role) {
		Preferences p = user.preferences();
		jdbc.sql("INSERT INTO account_user (id, tenant_id, username, username_key, email, email_key, first_name, last_name, phone, "
				+ "newsletter, notifications, password_hash, role, status, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id(), tenant.id(), user.username(), key(user.username()), user.email(), key(user.email()),
					user.firstName(), user.lastName(), user.phone(), p == null ? null : p.newsletter(),
					p == null ? null : p.notifications(), passwordHash, role.name(), UserStatus.ACTIVE.name(),
					time(user.createdAt()), time(user.updatedAt()))
			.update();
	}

	void update(Tenant tenant, User user, String passwordHash) {
		Preferences p = user.preferences();
		jdbc.sql("UPDATE account_user SET username = ?, username_key = ?, email = ?, email_key = ?, first_name = ?, last_name = ?, "
				+ "phone = ?, newsletter = ?, notifications = ?, password_hash = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
			.params(user.username(), key(user.username()), user.email(), key(user.email()), user.firstName(), user.lastName(),
					user.phone(), p == null ? null : p.newsletter(), p == null ? null : p.notifications(), passwordHash,
					time(user.updatedAt()), tenant.id(), user.id())
			.update();
	}

	Optional<Account> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account_user WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(UserRepository::map)
			.optional();
	}

	Optional<Account> findByUsername(Tenant tenant, String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account_user WHERE tenant_id = ? AND username_key = ?")
			.params(tenant.id(), key(username))
			.query(UserRepository::map)
			.optional();
	}

	boolean usernameTaken(Tenant tenant, String username, UUID except) {
		return jdbc.sql("SELECT COUNT(*) FROM account_user WHERE tenant_id = ? AND username_key = ? AND id <> ?")
			.params(tenant.id(), key(username), except).query(Long.class).single() > 0;
	}

	boolean emailTaken(Tenant tenant, String email, UUID except) {
		return jdbc.sql("SELECT COUNT(*) FROM account_user WHERE tenant_id = ? AND email_key = ? AND id <> ?")
			.params(tenant.id(), key(email), except).query(Long.class).single() > 0;
	}

	void recordLogin(Tenant tenant, UUID id) {
		jdbc.sql("UPDATE account_user SET last_login_at = ? WHERE tenant_id = ? AND id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), tenant.id(), id).update();
	}

	boolean delete(Tenant tenant, UUID id) {
		return jdbc.sql("DELETE FROM account_user WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update() == 1;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM account_user WHERE tenant_id = ?").param(tenant.id()).update();
	}

	static String key(String value) {
		return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		Boolean newsletter = (Boolean) rs.getObject("newsletter");
		Boolean notifications = (Boolean) rs.getObject("notifications");
		User user = new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone"),
				newsletter == null && notifications == null ? null : new Preferences(newsletter, notifications),
				Tenant.SHARED.id().equals(tenantId) ? null : tenantId,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
		return new Account(user, rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				UserStatus.valueOf(rs.getString("status")));
	}

}
