package io.petstore.classic;

import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.persistence.Sequences;

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

	IdAssigningSaver(TransactionTemplate tx, Sequences sequences) {
		this.tx = tx;
		this.sequences = sequences;
	}

	/**
	 * The SQL a saver needs for one table; the write functions run inside the saver's transaction.
	 * @param sequence the name of the table's id sequence
	 * @param upsert replaces or creates the item with its own id
	 * @param insert inserts the item with the given id (a duplicate key if the id is taken)
	 * @param endOfTakenRun the last id of the run of consecutive taken ids that starts at an id
	 */
	public record Store<T>(String sequence, UnaryOperator<T> upsert, BiFunction<T, Long, T> insert,
			LongUnaryOperator endOfTakenRun) {
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
				sequences.skipPast(store.sequence(), store.endOfTakenRun().applyAsLong(id));
			}
		}
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
