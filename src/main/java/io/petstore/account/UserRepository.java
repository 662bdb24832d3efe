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
import io.petstore.persistence.Tallies;
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

	/** Users per status, and new users per UTC day, kept with every write (issue 20: the dashboard reads them). */
	static final Tallies.Table BY_STATUS = new Tallies.Table("account_user_tally", java.util.List.of("status"), java.util.List.of("n"));

	static final Tallies.Table BY_DAY = new Tallies.Table("account_user_daily", java.util.List.of("utc_day"), java.util.List.of("n"));

	private static final String DAY = "CAST(created_at AT TIME ZONE 'UTC' AS DATE)";

	private final JdbcClient jdbc;

	private final Tallies tallies;

	private final int maxCandidates;

	UserRepository(JdbcClient jdbc, Tallies tallies,
			@org.springframework.beans.factory.annotation.Value("${petstore.account.search-candidates:2000}") int maxCandidates) {
		this.jdbc = jdbc;
		this.tallies = tallies;
		this.maxCandidates = maxCandidates;
	}

	/** The user's indexed search keys ({@link UserSearchKeys}), written with the row. */
	private void index(Tenant tenant, UUID id, String usernameKey, String emailKey) {
		java.util.List<Object> params = new java.util.ArrayList<>();
		StringBuilder sql = new StringBuilder("INSERT INTO account_user_search (tenant_id, suffix, user_id) VALUES ");
		for (UserSearchKeys.ByteKey suffix : UserSearchKeys.suffixes(usernameKey, emailKey)) {
			sql.append(params.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
			params.add(tenant.id());
			params.add(suffix.bytes());
			params.add(id);
		}
		if (!params.isEmpty()) {
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	private void unindex(Tenant tenant, UUID id) {
		jdbc.sql("DELETE FROM account_user_search WHERE tenant_id = ? AND user_id = ?").params(tenant.id(), id).update();
	}

	private void counted(Tenant tenant, UserStatus status, Instant createdAt, long delta) {
		tallies.add(BY_STATUS, tenant.id(), java.util.List.of(status.name()), delta);
		tallies.add(BY_DAY, tenant.id(), java.util.List.of(java.time.LocalDate.ofInstant(createdAt, ZoneOffset.UTC)), delta);
	}

	private record Counted(UserStatus status, Instant createdAt, String usernameKey, String emailKey) {
	}

	/** What the tallies and the index hold of the user, its row locked until the transaction ends. */
	private Optional<Counted> lockCounted(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT status, created_at, username_key, email_key FROM account_user WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query((rs, row) -> new Counted(UserStatus.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4)))
			.optional();
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
		counted(tenant, UserStatus.ACTIVE, user.createdAt(), 1);
		index(tenant, user.id(), key(user.username()), key(user.email()));
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
		Optional<Counted> before = lockCounted(tenant, id);
		if (before.isEmpty()) {
			return;
		}
		if (before.get().status() != status) {
			tallies.add(BY_STATUS, tenant.id(), java.util.List.of(before.get().status().name()), -1L);
			tallies.add(BY_STATUS, tenant.id(), java.util.List.of(status.name()), 1L);
		}
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

	/** A page of the users a filter finds (newest first), and how many it finds. */
	record Found(long total, java.util.List<Account> page) {
	}

	/**
	 * A search of at least {@link UserSearchKeys#MIN_LENGTH} characters reads its users through the
	 * substring index in one query, without an order (so that the database starts from the index,
	 * which H2 does not when asked for an order it can read from another index), and orders and pages
	 * them here, as long as they are at most {@code petstore.account.search-candidates} (2,000); other
	 * filters, and searches matching more users, count and page in the database.
	 */
	Found findPage(Tenant tenant, UserFilter filter, int offset, int limit) {
		if (range(filter) != null) {
			Conditions where = where(tenant, filter);
			java.util.List<Object> params = searched(tenant, filter);
			params.addAll(where.params());
			params.add(maxCandidates + 1);
			java.util.List<Account> all = new java.util.ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " FROM " + from(filter) + " WHERE "
					+ where.sql() + " FETCH FIRST ? ROWS ONLY").params(params).query(UserRepository::map).list());
			if (all.size() <= maxCandidates) {
				all.sort(NEWEST_FIRST);
				return new Found(all.size(), all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
			}
		}
		long total = count(tenant, filter);
		return new Found(total, total <= offset ? java.util.List.of() : find(tenant, filter, offset, limit));
	}

	/** The order of {@code ORDER BY created_at DESC, id DESC} (UUIDs compared as unsigned, as the databases do). */
	private static final java.util.Comparator<Account> NEWEST_FIRST = java.util.Comparator
		.comparing((Account a) -> a.user().createdAt())
		.thenComparing(a -> a.user().id(), (x, y) -> {
			int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
			return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
		})
		.reversed();

	long count(Tenant tenant, UserFilter filter) {
		Conditions where = where(tenant, filter);
		java.util.List<Object> params = searched(tenant, filter);
		params.addAll(where.params());
		return jdbc.sql("SELECT COUNT(*) FROM " + from(filter) + " WHERE " + where.sql()).params(params).query(Long.class).single();
	}

	/** Newest first. */
	java.util.List<Account> find(Tenant tenant, UserFilter filter, int offset, int limit) {
		Conditions where = where(tenant, filter);
		java.util.List<Object> params = searched(tenant, filter);
		params.addAll(where.params());
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + from(filter) + " WHERE " + where.sql()
				+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params).query(UserRepository::map).list();
	}

	/**
	 * The users to test: with a search of at least {@link UserSearchKeys#MIN_LENGTH} characters, only
	 * those with a username or email suffix starting with it (the substring index, joined first), so
	 * that the LIKE of {@link #where} tests those instead of every user of the tenant.
	 */
	private static String from(UserFilter filter) {
		return range(filter) == null ? "account_user"
				: "(SELECT DISTINCT user_id FROM account_user_search WHERE tenant_id = ? AND suffix >= ? AND suffix < ?) found "
						+ "JOIN account_user ON account_user.tenant_id = ? AND account_user.id = found.user_id";
	}

	private static java.util.List<Object> searched(Tenant tenant, UserFilter filter) {
		byte[][] range = range(filter);
		return range == null ? new java.util.ArrayList<>()
				: new java.util.ArrayList<>(java.util.List.of(tenant.id(), range[0], range[1], tenant.id()));
	}

	private static byte[][] range(UserFilter filter) {
		return filter.search() == null ? null : UserSearchKeys.range(key(filter.search()));
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

	/** Users per status (every status present, 0 when none), from the tally. */
	java.util.Map<UserStatus, Long> countByStatus(Tenant tenant) {
		java.util.Map<UserStatus, Long> counts = new java.util.EnumMap<>(UserStatus.class);
		for (UserStatus status : UserStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, SUM(n) AS n FROM account_user_tally WHERE tenant_id = ? GROUP BY status")
			.param(tenant.id())
			.query((rs, row) -> counts.put(UserStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** New users per UTC day in [from, to) (whole UTC days; days without users are absent), from the tally. */
	java.util.Map<java.time.LocalDate, Long> countNewPerDay(Tenant tenant, Instant from, Instant to) {
		java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("SELECT utc_day, SUM(n) AS n FROM account_user_daily WHERE tenant_id = ? AND utc_day >= ? AND utc_day < ? "
				+ "GROUP BY utc_day HAVING SUM(n) <> 0")
			.params(tenant.id(), java.time.LocalDate.ofInstant(from, ZoneOffset.UTC), java.time.LocalDate.ofInstant(to, ZoneOffset.UTC))
			.query((rs, row) -> counts.put(rs.getObject("utc_day", java.time.LocalDate.class), rs.getLong("n")))
			.list();
		return counts;
	}

	void update(Tenant tenant, User user, String passwordHash) {
		Optional<Counted> before = lockCounted(tenant, user.id());
		if (before.isPresent() && !(before.get().usernameKey().equals(key(user.username()))
				&& before.get().emailKey().equals(key(user.email())))) {
			unindex(tenant, user.id());
			index(tenant, user.id(), key(user.username()), key(user.email()));
		}
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
		Optional<Counted> before = lockCounted(tenant, id);
		if (before.isEmpty() || jdbc.sql("DELETE FROM account_user WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update() != 1) {
			return false;
		}
		counted(tenant, before.get().status(), before.get().createdAt(), -1);
		unindex(tenant, id);
		return true;
	}

	/** Deletes the tenant's users; its counts are counted again from the rows it has when the transaction commits. */
	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM account_user WHERE tenant_id = ?").param(tenant.id()).update();
		jdbc.sql("DELETE FROM account_user_search WHERE tenant_id = ?").param(tenant.id()).update();
		tallies.rebuild(BY_STATUS, tenant.id(), "INSERT INTO account_user_tally (tenant_id, status, slot, n) "
				+ "SELECT tenant_id, status, 0, COUNT(*) FROM account_user WHERE tenant_id = ? GROUP BY tenant_id, status");
		tallies.rebuild(BY_DAY, tenant.id(), "INSERT INTO account_user_daily (tenant_id, utc_day, slot, n) SELECT tenant_id, " + DAY
				+ ", 0, COUNT(*) FROM account_user WHERE tenant_id = ? GROUP BY tenant_id, " + DAY);
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
