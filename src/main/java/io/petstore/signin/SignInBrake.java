package io.petstore.signin;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.petstore.audit.AuditTrail;
import io.petstore.persistence.Timestamps;

/**
 * The brake on guessing secrets, one for every place that checks one. Before checking, a caller
 * {@linkplain #begin begins} an attempt for the account's key (the client address of the current
 * request is added by the brake); then it reports how the check went on the {@link Attempt}:
 * {@link Attempt#failed()}, {@link Attempt#succeeded()}, or {@link Attempt#abandoned()} when the
 * check could not be made.
 *
 * <p>An attempt counts as a failure from the moment it begins until it succeeds, so parallel
 * attempts (on any instance) cannot get past the threshold: once the failures and the attempts
 * under way reach it, further attempts are refused. When a failure brings a key to its threshold
 * ({@code max-failures} per account or client id, {@code address-max-failures} per address, within
 * the {@code window}), the key is locked: {@code lock} the first time, twice as long for each
 * further lock in a row, at most {@code max-lock}; the lock-out is audited
 * ({@code SIGN_IN_LOCKED}). While a key is locked, {@link #begin} throws {@link SignInLocked}
 * without anything being checked. A success deletes the account's counters and takes its attempt
 * back from the address's. Each change is one short transaction of its own (rows locked in one
 * order, retried when a concurrent first insert took the key), whatever transaction the caller is
 * in, so failures are kept even when the caller's work rolls back.
 */
@Service
public class SignInBrake {

	static final String ACTION = "SIGN_IN_LOCKED";

	private static final Logger log = LoggerFactory.getLogger(SignInBrake.class);

	private static final int TRIES = 8;

	private final BrakeProperties properties;

	private final BrakeRepository rows;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	SignInBrake(BrakeProperties properties, BrakeRepository rows, AuditTrail audit, PlatformTransactionManager transactions) {
		this.properties = properties;
		this.rows = rows;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Counts an attempt to check the secret of {@code key}, from the current request's address.
	 * @throws SignInLocked when the key or the address is locked (or its failures and the attempts
	 * under way already reach the threshold): do not check the secret
	 */
	public Attempt begin(SignInKey key) {
		if (!properties.enabled()) {
			return new Attempt(key, List.of());
		}
		List<SignInKey> keys = new ArrayList<>();
		keys.add(key);
		String address = currentAddress();
		if (address != null && properties.addressMaxFailures() > 0) {
			keys.add(SignInKey.address(address));
		}
		keys.sort(Comparator.comparing(SignInKey::sortKey));
		inTransaction(() -> {
			Instant now = now();
			Map<SignInKey, Counter> found = lockAll(keys);
			long wait = 0;
			for (Counter counter : found.values()) {
				if (counter != null && counter.lockedAt(now)) {
					wait = Math.max(wait, secondsUntil(counter.lockedUntil(), now));
				}
			}
			if (wait > 0) {
				throw new SignInLocked(wait);
			}
			Duration window = properties.window();
			for (Map.Entry<SignInKey, Counter> entry : found.entrySet()) {
				Counter current = entry.getValue() == null ? Counter.fresh(now, window) : entry.getValue().at(now, window);
				if (current.failures() >= properties.threshold(entry.getKey().kind())) {
					// the failures and the attempts still being checked reach the threshold: wait for them
					throw new SignInLocked(1);
				}
				save(entry.getKey(), entry.getValue(), current.plusOne(window));
			}
		});
		return new Attempt(key, keys);
	}

	/**
	 * {@link #begin} and the check: present is a success, empty a failure, an exception takes the
	 * attempt back.
	 * @throws SignInLocked without calling {@code check} when the key or the address is locked
	 */
	public <T> Optional<T> verify(SignInKey key, Supplier<Optional<T>> check) {
		Attempt attempt = begin(key);
		Optional<T> result;
		try {
			result = check.get();
		}
		catch (RuntimeException | Error ex) {
			attempt.abandoned();
			throw ex;
		}
		if (result.isPresent()) {
			attempt.succeeded();
		}
		else {
			attempt.failed();
		}
		return result;
	}

	/** One attempt begun by {@link #begin}: report its outcome once. */
	public final class Attempt {

		private final SignInKey key;

		private final List<SignInKey> keys;

		private boolean reported;

		private Attempt(SignInKey key, List<SignInKey> keys) {
			this.key = key;
			this.keys = keys;
		}

		/** The secret was wrong (or the account unknown): stays counted; may start a lock. */
		public void failed() {
			report(found -> lockIfDue(key, found));
		}

		/** The secret was right: the account's counters are deleted, the address's attempt taken back. */
		public void succeeded() {
			report(found -> found.forEach((k, counter) -> {
				if (k.equals(key)) {
					rows.delete(k);
				}
				else if (counter != null) {
					rows.update(k, counter.minusOne(properties.window()));
				}
			}));
		}

		/** The secret could not be checked (an error): the attempt is taken back. */
		public void abandoned() {
			report(found -> found.forEach((k, counter) -> {
				if (counter != null) {
					rows.update(k, counter.minusOne(properties.window()));
				}
			}));
		}

		private void report(Consumer<Map<SignInKey, Counter>> change) {
			if (reported || keys.isEmpty()) {
				return;
			}
			reported = true;
			inTransaction(() -> change.accept(lockAll(keys)));
		}

	}

	/**
	 * Starts the lock of each key whose failures reached its threshold and that is not locked yet,
	 * and audits it in the tenant of the attempt ({@code attempt}'s, also for the address).
	 */
	private void lockIfDue(SignInKey attempt, Map<SignInKey, Counter> found) {
		Instant now = now();
		Duration window = properties.window();
		found.forEach((k, counter) -> {
			if (counter == null || counter.failures() < properties.threshold(k.kind()) || counter.lockedAt(now)) {
				return;
			}
			int number = counter.locks() + 1;
			Duration length = properties.lockLength(number);
			Instant until = now.plus(length);
			rows.update(k, counter.locked(now, until, window));
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("lockedUntil", counter.lockedUntil());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("lockedUntil", until);
			after.put("lockSeconds", length.toSeconds());
			after.put("lockNumber", number);
			after.put("failedAttempts", counter.failures());
			audit.record(attempt.tenant(), ACTION, k.kind().entityType(), k.subject(), before, after);
			log.info("sign-in brake: {} '{}' locked for {} (lock {} in a row, {} failures)", k.kind(), k.subject(), length, number,
					counter.failures());
		});
	}

	private Map<SignInKey, Counter> lockAll(List<SignInKey> keys) {
		Map<SignInKey, Counter> found = new LinkedHashMap<>();
		for (SignInKey k : keys) {
			found.put(k, rows.lock(k).orElse(null));
		}
		return found;
	}

	private void save(SignInKey key, Counter before, Counter after) {
		if (before == null) {
			rows.insert(key, after);
		}
		else {
			rows.update(key, after);
		}
	}

	private void inTransaction(Runnable work) {
		for (int attempt = 1;; attempt++) {
			try {
				tx.executeWithoutResult(status -> work.run());
				return;
			}
			catch (DuplicateKeyException | ConcurrencyFailureException raced) {
				if (attempt >= TRIES) {
					throw raced;
				}
			}
		}
	}

	/** Deletes the rows that no longer hold anything (they would be read as absent anyway). */
	@Scheduled(fixedDelayString = "${petstore.brake.cleanup-interval:5m}", initialDelayString = "${petstore.brake.cleanup-interval:5m}")
	void forget() {
		try {
			int deleted = rows.forget(now());
			if (deleted > 0) {
				log.debug("sign-in brake: {} expired rows deleted", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("could not delete expired sign-in brake rows: {}", ex.getMessage());
		}
	}

	private static long secondsUntil(Instant until, Instant now) {
		long millis = Duration.between(now, until).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	static Instant now() {
		return Timestamps.now();
	}

	/**
	 * The current request's client address: an IPv4 address as it is, an IPv6 address as its /64
	 * network (one subscriber usually has a whole /64); null outside a request.
	 */
	static String currentAddress() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		return addressKey(servlet.getRequest().getRemoteAddr());
	}

	static String addressKey(String remote) {
		if (remote == null || remote.isBlank()) {
			return null;
		}
		String literal = remote.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		if (literal.indexOf(':') < 0) {
			return literal;
		}
		try {
			// a literal (it contains ':'), so no name is looked up
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet6Address six) {
				byte[] bytes = six.getAddress();
				StringBuilder network = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return network.append(":/64").toString();
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return literal;
		}
	}

}
