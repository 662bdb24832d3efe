package io.petstore.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code petstore.brake.*}.
 * @param enabled off: nothing is counted or refused
 * @param maxFailures failures per account or client id within the window that start a lock
 * @param addressMaxFailures failures from one client address (any accounts) within the window that
 * lock the address; 0 turns the address brake off
 * @param window how long failures are counted for (from the first of them, or from the last lock)
 * @param lock the first lock's length; each further lock that starts within a window of the
 * previous one's end lasts twice as long
 * @param maxLock the longest lock
 * @param cleanupInterval how often rows that hold nothing any more are deleted
 */
@ConfigurationProperties("petstore.brake")
record BrakeProperties(Boolean enabled, Integer maxFailures, Integer addressMaxFailures, Duration window, Duration lock,
		Duration maxLock, Duration cleanupInterval) {

	BrakeProperties {
		enabled = enabled == null ? Boolean.TRUE : enabled;
		maxFailures = maxFailures == null ? 5 : maxFailures;
		addressMaxFailures = addressMaxFailures == null ? 20 : addressMaxFailures;
		window = window == null ? Duration.ofMinutes(15) : window;
		lock = lock == null ? Duration.ofMinutes(1) : lock;
		maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
		cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(5) : cleanupInterval;
		if (maxFailures < 1 || addressMaxFailures < 0) {
			throw new IllegalArgumentException("petstore.brake.max-failures must be at least 1, address-max-failures at least 0");
		}
		if (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
			throw new IllegalArgumentException("petstore.brake.window and lock must be positive, max-lock at least lock");
		}
	}

	/** The failures that lock a key of this kind (0: never). */
	int threshold(SignInKind kind) {
		return kind == SignInKind.ADDRESS ? addressMaxFailures : maxFailures;
	}

	/** The length of the n-th lock in a row (n from 1): lock, doubling, capped at maxLock. */
	Duration lockLength(int n) {
		Duration length = lock;
		for (int i = 1; i < n && length.compareTo(maxLock) < 0; i++) {
			length = length.multipliedBy(2);
		}
		return length.compareTo(maxLock) > 0 ? maxLock : length;
	}

}
