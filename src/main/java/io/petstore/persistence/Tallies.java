package io.petstore.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counter tables ("tallies") that a module keeps next to its own rows, so that a dashboard adds up
 * a few counter rows instead of counting 100,000. The module changes its rows and calls
 * {@link #add} with the change to its counts (+1 for an insert, -1 and +1 for a status change);
 * the changes of one transaction are summed and written just before it commits, in the same
 * transaction: a rollback discards them with the rows, and a reader sees the counts of the
 * committed rows, never a stale or half-applied one.
 * <p>
 * A tally table has the columns {@code tenant_id}, the table's key columns, {@code slot} (part of
 * the primary key) and the value columns (counts as BIGINT, sums as DECIMAL). Each transaction
 * writes to one of {@value #SLOTS} slots, chosen at random, so that concurrent writers of the
 * same figure (every new order of a tenant adds to "today") rarely wait for each other's row lock;
 * readers add the slots up ({@code SUM(n) ... GROUP BY} the key). The rows of a transaction are
 * written in one order (table, tenant, key), and only at its end, so writers never deadlock on
 * them. Table and column names are the calling module's constants, never client input.
 */
@Component
public class Tallies {

	/** How many rows each figure is spread over. */
	public static final int SLOTS = 8;

	/**
	 * A module's tally table.
	 * @param keys the key columns after {@code tenant_id}
	 * @param values the value columns; a delta is a {@code long} for a count, a BigDecimal for a sum
	 */
	public record Table(String name, List<String> keys, List<String> values) {

		public Table {
			keys = List.copyOf(keys);
			values = List.copyOf(values);
		}

	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	Tallies(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Adds the deltas (one per value column) to the figure of the key, when the current transaction
	 * commits (at once without a transaction).
	 */
	public void add(Table table, UUID tenant, List<?> key, Number... deltas) {
		if (key.size() != table.keys().size() || deltas.length != table.values().size()) {
			throw new IllegalArgumentException("key or deltas do not match " + table.name());
		}
		Pending pending = pending();
		if (pending == null) {
			apply(table, tenant, key, deltas, ThreadLocalRandom.current().nextInt(SLOTS));
			return;
		}
		pending.add(table, tenant, key, deltas);
	}

	/**
	 * Replaces the tenant's figures in the table by the result of {@code insertSelect} (the module's
	 * {@code INSERT INTO table (...) SELECT ...} of the tenant's rows, its one parameter the tenant
	 * id), when the current transaction commits: after a reset or reseed. Changes added for the
	 * tenant in this transaction are in the rows it counts, so they are dropped.
	 */
	public void rebuild(Table table, UUID tenant, String insertSelect) {
		Pending pending = pending();
		if (pending == null) {
			replace(table, tenant, insertSelect);
			return;
		}
		pending.rebuild(table, tenant, insertSelect);
	}

	private Pending pending() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		// kept as a synchronization (not a bound resource), so a suspended outer transaction keeps its own
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending && pending.owner == this) {
				return pending.flushed ? null : pending;
			}
		}
		Pending pending = new Pending(this);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	private void replace(Table table, UUID tenant, String insertSelect) {
		jdbc.sql("DELETE FROM " + table.name() + " WHERE tenant_id = ?").param(tenant).update();
		jdbc.sql(insertSelect).param(tenant).update();
	}

	/** Update, else insert; a concurrent first insert of the same row makes it an update again. */
	private void apply(Table table, UUID tenant, List<?> key, Number[] deltas, int slot) {
		boolean zero = true;
		for (Number delta : deltas) {
			zero &= delta instanceof BigDecimal sum ? sum.signum() == 0 : delta.longValue() == 0;
		}
		if (zero) {
			return;
		}
		List<Object> params = new ArrayList<>(List.of(deltas));
		params.add(tenant);
		params.addAll(key);
		params.add(slot);
		StringBuilder update = new StringBuilder("UPDATE ").append(table.name()).append(" SET ");
		for (int i = 0; i < table.values().size(); i++) {
			String column = table.values().get(i);
			update.append(i == 0 ? "" : ", ").append(column).append(" = ").append(column).append(" + ?");
		}
		update.append(" WHERE tenant_id = ?");
		for (String column : table.keys()) {
			update.append(" AND ").append(column).append(" = ?");
		}
		update.append(" AND slot = ?");
		if (jdbc.sql(update.toString()).params(params).update() == 1) {
			return;
		}
		List<String> columns = new ArrayList<>();
		columns.add("tenant_id");
		columns.addAll(table.keys());
		columns.add("slot");
		columns.addAll(table.values());
		List<Object> values = new ArrayList<>();
		values.add(tenant);
		values.addAll(key);
		values.add(slot);
		values.addAll(List.of(deltas));
		String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
		// a failed statement ends a PostgreSQL transaction unless it ran inside a savepoint
		Connection connection = DataSourceUtils.getConnection(dataSource);
		Savepoint savepoint = null;
		try {
			savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
			jdbc.sql(insert).params(values).update();
		}
		catch (DuplicateKeyException raced) {
			rollbackTo(connection, savepoint);
			savepoint = null;
			jdbc.sql(update.toString()).params(params).update();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot write " + table.name(), ex);
		}
		finally {
			release(connection, savepoint);
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void rollbackTo(Connection connection, Savepoint savepoint) {
		if (savepoint == null) {
			return;
		}
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot roll back to a savepoint", ex);
		}
	}

	private static void release(Connection connection, Savepoint savepoint) {
		if (savepoint == null) {
			return;
		}
		try {
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot release a savepoint", ex);
		}
	}

	/** One transaction's changes, summed per figure, written before it commits. */
	private static final class Pending implements TransactionSynchronization {

		private record Figure(Table table, UUID tenant, List<?> key) {
		}

		private static final Comparator<Figure> ORDER = Comparator.comparing((Figure f) -> f.table().name())
			.thenComparing(f -> f.tenant().toString())
			.thenComparing(f -> f.key().toString());

		private final Tallies owner;

		private final int slot = ThreadLocalRandom.current().nextInt(SLOTS);

		private final TreeMap<Figure, Number[]> sums = new TreeMap<>(ORDER);

		private final TreeMap<Figure, String> rebuilds = new TreeMap<>(ORDER);

		private boolean flushed;

		Pending(Tallies owner) {
			this.owner = owner;
		}

		void add(Table table, UUID tenant, List<?> key, Number[] deltas) {
			if (rebuilds.containsKey(new Figure(table, tenant, List.of()))) {
				return;
			}
			sums.merge(new Figure(table, tenant, List.copyOf(key)), deltas.clone(), Pending::plus);
		}

		void rebuild(Table table, UUID tenant, String insertSelect) {
			sums.keySet().removeIf(f -> f.table().equals(table) && f.tenant().equals(tenant));
			rebuilds.put(new Figure(table, tenant, List.of()), insertSelect);
		}

		private static Number[] plus(Number[] a, Number[] b) {
			Number[] sum = new Number[a.length];
			for (int i = 0; i < a.length; i++) {
				sum[i] = a[i] instanceof BigDecimal x ? x.add((BigDecimal) b[i]) : Long.valueOf(a[i].longValue() + b[i].longValue());
			}
			return sum;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			flushed = true;
			// one order for every transaction: table, tenant, key (a rebuilt tenant has no other figures)
			TreeMap<Figure, Runnable> writes = new TreeMap<>(ORDER);
			sums.forEach((f, deltas) -> writes.put(f, () -> owner.apply(f.table(), f.tenant(), f.key(), deltas, slot)));
			rebuilds.forEach((f, sql) -> writes.put(f, () -> owner.replace(f.table(), f.tenant(), sql)));
			writes.values().forEach(Runnable::run);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
