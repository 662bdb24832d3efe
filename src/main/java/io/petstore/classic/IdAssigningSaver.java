package io.petstore.classic;

import java.util.function.IntFunction;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The classic API's write rule for pets, orders and users: an item with a positive id replaces the
 * item with that id (or is created with it); an item without one gets a fresh id, first from the
 * table's identity sequence, then (when clients have taken the following ids themselves) from the
 * tenant's largest id plus one. A fresh id that a concurrent writer took first is retried, each
 * attempt in a transaction of its own.
 */
public final class IdAssigningSaver {

	private static final int SEQUENCE_ATTEMPTS = 3;

	private static final int ATTEMPTS = 8;

	/** The SQL a saver needs; each method runs inside the saver's transaction. */
	public interface Store<T> {

		/** Replaces or creates the item with its own id. */
		T upsert(T item);

		/** Inserts the item with an id from the identity sequence. */
		T insertWithSequenceId(T item);

		/** Inserts the item with the tenant's largest id plus one. */
		T insertWithNextFreeId(T item);

	}

	private IdAssigningSaver() {
	}

	public static <T> T save(TransactionTemplate tx, T item, boolean hasId, Store<T> store) {
		return retryingConflicts(tx, attempt -> {
			if (hasId) {
				return store.upsert(item);
			}
			return attempt <= SEQUENCE_ATTEMPTS ? store.insertWithSequenceId(item) : store.insertWithNextFreeId(item);
		});
	}

	/**
	 * Runs the work in a transaction, again in a new one (with the attempt number, from 1) when a
	 * unique key was taken by a concurrent writer.
	 */
	public static <T> T retryingConflicts(TransactionTemplate tx, IntFunction<T> work) {
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
