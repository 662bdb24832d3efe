package io.petstore.classic;

import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.persistence.Sequences;
import io.petstore.tenancy.Tenant;

/**
 * The classic API's write rule for pets, orders and users: an item with a positive id replaces the
 * item with that id (or is created with it); an item without one gets a fresh id from the table's
 * sequence. Clients may have taken that id themselves (a bulk load with ids 1000..9999, say): the
 * insert then fails, the sequence is moved past the run of taken ids (once, not on every insert)
 * and the insert is retried. Each attempt runs in a transaction of its own.
 */
@Component
public class IdAssigningSaver {

	private static final int ATTEMPTS = 8;

	private final TransactionTemplate tx;

	private final Sequences sequences;

	private final JdbcClient jdbc;

	IdAssigningSaver(TransactionTemplate tx, Sequences sequences, JdbcClient jdbc) {
		this.tx = tx;
		this.sequences = sequences;
		this.jdbc = jdbc;
	}

	/**
	 * One table of a tenant; the write functions run inside the saver's transaction.
	 * @param table the table, with a {@code tenant_id, id} primary key and a {@code <table>_id_seq}
	 * sequence (a constant of the calling module, never client input)
	 * @param tenant whose rows
	 * @param upsert replaces or creates the item with its own id
	 * @param insert inserts the item with the given id (a duplicate key if the id is taken)
	 */
	public record Store<T>(String table, Tenant tenant, UnaryOperator<T> upsert, BiFunction<T, Long, T> insert) {

		String sequence() {
			return table + "_id_seq";
		}

	}

	public <T> T save(T item, boolean hasId, Store<T> store) {
		if (hasId) {
			return retryingConflicts(attempt -> store.upsert().apply(item));
		}
		return insertWithFreshId(item, store);
	}

	/** Inserts the item with a fresh id from the store's sequence. */
	public <T> T insertWithFreshId(T item, Store<T> store) {
		for (int attempt = 1;; attempt++) {
			long id = sequences.next(store.sequence());
			try {
				return tx.execute(status -> store.insert().apply(item, id));
			}
			catch (DuplicateKeyException taken) {
				if (attempt >= ATTEMPTS) {
					throw taken;
				}
				sequences.skipPast(store.sequence(), endOfTakenRun(store, id));
			}
		}
	}

	/** The last id of the run of consecutive ids in use that starts at {@code id} (index walk). */
	private long endOfTakenRun(Store<?> store, long id) {
		return jdbc.sql("SELECT t.id FROM " + store.table() + " t WHERE t.tenant_id = ? AND t.id >= ? AND NOT EXISTS "
				+ "(SELECT 1 FROM " + store.table() + " n WHERE n.tenant_id = t.tenant_id AND n.id = t.id + 1) "
				+ "ORDER BY t.id FETCH FIRST 1 ROWS ONLY")
			.params(store.tenant().id(), id)
			.query(Long.class)
			.optional()
			.orElse(id);
	}

	/**
	 * Runs the work in a transaction, again in a new one (with the attempt number, from 1) when a
	 * unique key was taken by a concurrent writer.
	 */
	public <T> T retryingConflicts(IntFunction<T> work) {
		for (int attempt = 1;; attempt++) {
			final int current = attempt;
			try {
				return tx.execute(status -> work.apply(current));
			}
			catch (DuplicateKeyException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
