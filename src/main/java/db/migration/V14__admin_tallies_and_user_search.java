package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.petstore.account.UserSearchKeys;

/**
 * Issue 20: the counts the admin dashboard reads, kept by each module next to its rows
 * ({@code persistence.Tallies}: summed over {@code slot}), filled here from the rows that exist;
 * and the substring index of the admin user search ({@code account.UserSearchKeys}), filled from
 * the existing users. A Java migration because the index entries are computed as the application
 * computes them (UTF-8 bytes of lower-case suffixes), which no SQL common to H2 and PostgreSQL does.
 */
public class V14__admin_tallies_and_user_search extends BaseJavaMigration {

	private static final String DAY = "CAST(created_at AT TIME ZONE 'UTC' AS DATE)";

	private static final List<String> STATEMENTS = List.of(
			// catalog: pets per status and species
			"CREATE TABLE catalog_pet_tally (tenant_id UUID NOT NULL, status VARCHAR(16) NOT NULL, species VARCHAR(16) NOT NULL, "
					+ "slot INTEGER NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (tenant_id, status, species, slot))",
			"INSERT INTO catalog_pet_tally (tenant_id, status, species, slot, n) "
					+ "SELECT tenant_id, status, species, 0, COUNT(*) FROM catalog_pet GROUP BY tenant_id, status, species",
			// store: orders per status, new orders per UTC day
			"CREATE TABLE store_order_tally (tenant_id UUID NOT NULL, status VARCHAR(16) NOT NULL, slot INTEGER NOT NULL, "
					+ "n BIGINT NOT NULL, PRIMARY KEY (tenant_id, status, slot))",
			"INSERT INTO store_order_tally (tenant_id, status, slot, n) "
					+ "SELECT tenant_id, status, 0, COUNT(*) FROM store_order GROUP BY tenant_id, status",
			"CREATE TABLE store_order_daily (tenant_id UUID NOT NULL, utc_day DATE NOT NULL, slot INTEGER NOT NULL, "
					+ "n BIGINT NOT NULL, PRIMARY KEY (tenant_id, utc_day, slot))",
			"INSERT INTO store_order_daily (tenant_id, utc_day, slot, n) SELECT tenant_id, " + DAY + ", 0, COUNT(*) "
					+ "FROM store_order GROUP BY tenant_id, " + DAY,
			// account: users per status, new users per UTC day, the search index
			"CREATE TABLE account_user_tally (tenant_id UUID NOT NULL, status VARCHAR(16) NOT NULL, slot INTEGER NOT NULL, "
					+ "n BIGINT NOT NULL, PRIMARY KEY (tenant_id, status, slot))",
			"INSERT INTO account_user_tally (tenant_id, status, slot, n) "
					+ "SELECT tenant_id, status, 0, COUNT(*) FROM account_user GROUP BY tenant_id, status",
			"CREATE TABLE account_user_daily (tenant_id UUID NOT NULL, utc_day DATE NOT NULL, slot INTEGER NOT NULL, "
					+ "n BIGINT NOT NULL, PRIMARY KEY (tenant_id, utc_day, slot))",
			"INSERT INTO account_user_daily (tenant_id, utc_day, slot, n) SELECT tenant_id, " + DAY + ", 0, COUNT(*) "
					+ "FROM account_user GROUP BY tenant_id, " + DAY,
			"CREATE TABLE account_user_search (tenant_id UUID NOT NULL, suffix BYTEA NOT NULL, user_id UUID NOT NULL, "
					+ "PRIMARY KEY (tenant_id, suffix, user_id))",
			"CREATE INDEX account_user_search_user ON account_user_search (tenant_id, user_id)",
			// payment: payments per UTC day of their creation, currency and status (count and sum)
			"CREATE TABLE payment_daily (tenant_id UUID NOT NULL, utc_day DATE NOT NULL, currency CHAR(3) NOT NULL, "
					+ "status VARCHAR(16) NOT NULL, slot INTEGER NOT NULL, n BIGINT NOT NULL, amount DECIMAL(20, 2) NOT NULL, "
					+ "PRIMARY KEY (tenant_id, utc_day, currency, status, slot))",
			"INSERT INTO payment_daily (tenant_id, utc_day, currency, status, slot, n, amount) SELECT tenant_id, " + DAY
					+ ", currency, status, 0, COUNT(*), SUM(amount) FROM payment GROUP BY tenant_id, " + DAY + ", currency, status");

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			for (String sql : STATEMENTS) {
				statement.execute(sql);
			}
		}
		try (Statement users = connection.createStatement();
				ResultSet rs = users.executeQuery("SELECT tenant_id, id, username_key, email_key FROM account_user");
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO account_user_search (tenant_id, suffix, user_id) VALUES (?, ?, ?)")) {
			int batch = 0;
			while (rs.next()) {
				UUID tenant = rs.getObject(1, UUID.class);
				UUID id = rs.getObject(2, UUID.class);
				for (UserSearchKeys.ByteKey suffix : UserSearchKeys.suffixes(rs.getString(3), rs.getString(4))) {
					insert.setObject(1, tenant);
					insert.setBytes(2, suffix.bytes());
					insert.setObject(3, id);
					insert.addBatch();
					if (++batch % 1000 == 0) {
						insert.executeBatch();
					}
				}
			}
			insert.executeBatch();
		}
	}

}
