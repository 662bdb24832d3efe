package io.petstore.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * One key's row: the failures counted in the current window (attempts still being checked count
 * too, until they succeed), when the window started, how many locks in a row the key has had, the
 * end of the latest lock, and when the row stops mattering (a window after the later of the
 * window's start and the lock's end; then it is as if it were absent).
 */
record Counter(int failures, Instant windowStart, int locks, Instant lockedUntil, Instant forgetAt) {

	static Counter fresh(Instant now, Duration window) {
		return new Counter(0, now, 0, null, now.plus(window));
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The counter as it stands at {@code now}: forgotten, or in a new window, or as it is. */
	Counter at(Instant now, Duration window) {
		if (!now.isBefore(forgetAt)) {
			return fresh(now, window);
		}
		if (!now.isBefore(windowStart.plus(window))) {
			return of(0, now, locks, lockedUntil, window);
		}
		return this;
	}

	Counter plusOne(Duration window) {
		return of(failures + 1, windowStart, locks, lockedUntil, window);
	}

	Counter minusOne(Duration window) {
		return of(Math.max(0, failures - 1), windowStart, locks, lockedUntil, window);
	}

	/** The next lock starts now: counting begins again, the lock count goes up. */
	Counter locked(Instant now, Instant until, Duration window) {
		return of(0, now, locks + 1, until, window);
	}

	private static Counter of(int failures, Instant windowStart, int locks, Instant lockedUntil, Duration window) {
		Instant forget = windowStart.plus(window);
		if (lockedUntil != null && lockedUntil.plus(window).isAfter(forget)) {
			forget = lockedUntil.plus(window);
		}
		return new Counter(failures, windowStart, locks, lockedUntil, forget);
	}

}
