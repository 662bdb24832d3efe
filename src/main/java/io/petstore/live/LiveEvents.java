package io.petstore.live;

import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;

import io.petstore.tenancy.Tenant;

/**
 * The seam between committed changes and the realtime protocols, across every instance that
 * shares the database ({@link LiveEventDispatcher}: the {@code live_event} table, PostgreSQL
 * NOTIFY, catch-up after a gap; docs/live-events.md).
 */
public interface LiveEvents {

	/**
	 * Stores a change as a live event, inside the current transaction when there is one (so it goes
	 * out only if that transaction commits), else in a transaction of its own. Every subscriber of
	 * every instance receives it once committed, with its id.
	 */
	void publish(LiveEvent event);

	/**
	 * Every change committed from now on, hot, in id order, on every instance: a subscriber sees
	 * what is committed while it is subscribed, nothing from before. Slow subscribers lose events
	 * rather than slow publishers or other subscribers (request enough, or buffer).
	 */
	Flux<LiveEvent> events();

	/**
	 * The events after {@code lastId} that this tenant's user (null: anonymous) may see
	 * ({@link LiveEvent#visibleTo}) and whose topic is one of {@code topics}, from the table, then
	 * the live ones, without gap or duplicate, in id order. When the history is gone (older than
	 * the retention, an id never issued, or more than the replay limit) the first event is a
	 * {@link LiveEvent#RESET} whose id is the point the live events continue from. The stream
	 * ends with {@link SubscriberTooSlow} when the subscriber falls a buffer behind (resume from the
	 * last id it handled). A negative {@code lastId}: no history, live events only.
	 */
	Flux<LiveEvent> since(long lastId, Tenant tenant, UUID user, Set<String> topics);

	/** How many subscriptions this instance's live events have now (a health figure; tests watch it for leaks). */
	int subscriberCount();

	/** A {@link #since} subscriber fell too far behind and was cut off; it may resume from its last id. */
	final class SubscriberTooSlow extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public SubscriberTooSlow(int buffered) {
			super("The subscriber fell " + buffered + " events behind and was cut off; resume from the last event id it handled.");
		}

	}

}
