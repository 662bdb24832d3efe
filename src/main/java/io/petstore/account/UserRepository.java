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

import io.petstore.persistence.Conditions;
import io.petstore.persistence.Counts;
import io.petstore.tenancy.Tenant;

/** SQL for {@code account_user}. */
@Repository
class UserRepository {

	record Account(User user, String passwordHash, Role role, UserStatus status, int tokenEpoch, boolean bootstrap,
			Instant lastLoginAt) {

		AdminUser forAdmin() {
			return new AdminUser(user, role, status, lastLoginAt);
		}

	}

	/** What a token check needs to know about its user. */
	record TokenState(UserStatus status, int tokenEpoch) {
	}

	private static final String COLUMNS = "id, tenant_id, username, email, first_name, last_name, phone, newsletter, notifications, "
			+ "password_hash, role, status, created_at, updated_at, token_epoch, bootstrap, last_login_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, User user, String passwordHash, Role role, boolean bootstrap) {
		Preferences p = user.preferences();
		jdbc.sql("INSERT INTO account_user (id, tenant_id, username, username_key, email, email_key, first_name, last_name, phone, "
				+ "newsletter, notifications, password_hash, role, status, created_at, updated_at, bootstrap) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id(), tenant.id(), user.username(), key(user.username()), user.email(), key(user.email()),
					user.firstName(), user.lastName(), user.phone(), p == null ? null : p.newsletter(),
					p == null ? null : p.notifications(), passwordHash, role.name(), UserStatus.ACTIVE.name(),
					time(user.createdAt()), time(user.updatedAt()), bootstrap)
			.update();
	}

	/** A made-up bearer value's user ({@code LenientAccounts}): the same row as any user, and the value's hash. */
	void insertLenient(Tenant tenant, User user, String passwordHash, String tokenHash) {
		insert(tenant, user, passwordHash, Role.USER, false);
		jdbc.sql("UPDATE account_user SET lenient_token_hash = ? WHERE tenant_id = ? AND id = ?")
			.params(tokenHash, tenant.id(), user.id())
			.update();
	}

	/** The user a made-up bearer value (by its hash) stands for. */
	Optional<Account> findByLenientHash(Tenant tenant, String tokenHash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account_user WHERE tenant_id = ? AND lenient_token_hash = ?")
			.params(tenant.id(), tokenHash)
			.query(UserRepository::map)
			.optional();
	}

	/** Sets the status; leaving ACTIVE moves the token epoch on, so every token issued before stops working. */
	void changeStatus(Tenant tenant, UUID id, UserStatus status, Instant at) {
		jdbc.sql("UPDATE account_user SET status = ?, updated_at = ?, "
				+ "token_epoch = CASE WHEN ? = 'ACTIVE' THEN token_epoch ELSE token_epoch + 1 END WHERE tenant_id = ? AND id = ?")
			.params(status.name(), time(at), status.name(), tenant.id(), id)
			.update();
	}

	void changeRole(Tenant tenant, UUID id, Role role, Instant at) {
		jdbc.sql("UPDATE account_user SET role = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
			.params(role.name(), time(at), tenant.id(), id)
			.update();
	}

	Optional<TokenState> tokenState(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT status, token_epoch FROM account_user WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query((rs, row) -> new TokenState(UserStatus.valueOf(rs.getString(1)), rs.getInt(2)))
			.optional();
	}

	/** The configured administrator's password, in every tenant it has signed in to. */
	int updateBootstrapPassword(String username, String passwordHash) {
		return jdbc.sql("UPDATE account_user SET password_hash = ? WHERE bootstrap = TRUE AND username_key = ?")
			.params(passwordHash, key(username))
			.update();
	}

	long count(Tenant tenant, UserFilter filter) {
		Conditions where = where(tenant, filter);
		return jdbc.sql("SELECT COUNT(*) FROM account_user WHERE " + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** Newest first. */
	java.util.List<Account> find(Tenant tenant, UserFilter filter, int offset, int limit) {
		Conditions where = where(tenant, filter);
		java.util.List<Object> params = where.params();
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM account_user WHERE " + where.sql()
				+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params).query(UserRepository::map).list();
	}

	private static Conditions where(Tenant tenant, UserFilter filter) {
		// username_key and email_key are lower case; the pattern's own wildcards are matched literally
		String pattern = filter.search() == null ? null
				: "%" + key(filter.search()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return new Conditions("tenant_id = ?", tenant.id())
			.and("status = ?", filter.status())
			.and("role = ?", filter.role())
			.and("created_at >= ?", filter.createdFrom())
			.and("created_at < ?", filter.createdTo())
			.and("(username_key LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\')", pattern);
	}

	/** Users per status (every status present, 0 when none). */
	java.util.Map<UserStatus, Long> countByStatus(Tenant tenant) {
		java.util.Map<UserStatus, Long> counts = new java.util.EnumMap<>(UserStatus.class);
		for (UserStatus status : UserStatus.values()) {
			counts.put(status, 0L);
		}
		Counts.byColumn(jdbc, "account_user", "status", tenant.id()).forEach((status, n) -> counts.put(UserStatus.valueOf(status), n));
		return counts;
	}

	/** New users per UTC day in [from, to). */
	java.util.Map<java.time.LocalDate, Long> countNewPerDay(Tenant tenant, Instant from, Instant to) {
		return Counts.perUtcDay(jdbc, "account_user", tenant.id(), from, to);
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

	void recordLogin(Tenant tenant, UUID id, Instant at) {
		jdbc.sql("UPDATE account_user SET last_login_at = ? WHERE tenant_id = ? AND id = ?")
			.params(time(at), tenant.id(), id).update();
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
		OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
		return new Account(user, rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				UserStatus.valueOf(rs.getString("status")), rs.getInt("token_epoch"), rs.getBoolean("bootstrap"),
				lastLogin == null ? null : lastLogin.toInstant());
	}

}
