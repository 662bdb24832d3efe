package io.petstore.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.tenancy.Tenant;

/**
 * Live events across instances, one code path on both databases: {@link #publish} writes the
 * {@code live_event} row in the change's transaction; whenever something may be new (this
 * instance's own commit, a PostgreSQL notification, a reconnect, a periodic check) one dispatch
 * thread reads the rows after the last one it delivered, in id order, and hands them to the local
 * subscribers through a non-blocking multicast (a subscriber without demand misses the event; it
 * never holds up the others). On PostgreSQL one connection per instance, outside the pool, LISTENs
 * on {@code petstore_live} (application_name {@code petstore.live.listener-name}); when it drops it
 * reconnects with backoff and the next read catches up from the table. On H2 (one instance) there
 * is no listener: commits of this instance and the periodic check drive the reads.
 */
@Component
class LiveEventDispatcher implements LiveEvents, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEventDispatcher.class);

	private static final int PAGE = 500;

	private final LiveEventStore store;

	private final TransactionTemplate tx;

	private final DataSource dataSource;

	private final Duration retention;

	private final Duration retentionCheck;

	private final Duration pollInterval;

	private final Duration firstBackoff;

	private final Duration maxBackoff;

	private final String listenerName;

	private final int subscriberBuffer;

	private final int maxReplay;

	/** Replaced when the application stops (a paused test context starts again with a fresh one). */
	private volatile Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean pollPending = new AtomicBoolean();

	private final Object afterCommitKey = new Object();

	private volatile long lastDelivered = -1;

	private volatile ScheduledExecutorService dispatch;

	private volatile Thread listener;

	private volatile Connection listening;

	private volatile boolean running;

	LiveEventDispatcher(LiveEventStore store, TransactionTemplate tx, DataSource dataSource,
			@Value("${petstore.live.retention:PT24H}") Duration retention,
			@Value("${petstore.live.retention-check:PT5M}") Duration retentionCheck,
			@Value("${petstore.live.poll-interval:PT5S}") Duration pollInterval,
			@Value("${petstore.live.reconnect-delay:PT0.1S}") Duration firstBackoff,
			@Value("${petstore.live.reconnect-max-delay:PT5S}") Duration maxBackoff,
			@Value("${petstore.live.listener-name:}") String listenerName,
			@Value("${petstore.live.subscriber-buffer:1024}") int subscriberBuffer,
			@Value("${petstore.live.max-replay:10000}") int maxReplay) {
		this.store = store;
		this.tx = tx;
		this.dataSource = dataSource;
		this.retention = retention;
		this.retentionCheck = retentionCheck;
		this.pollInterval = pollInterval;
		this.firstBackoff = firstBackoff;
		this.maxBackoff = maxBackoff;
		this.listenerName = listenerName.isBlank() ? "petstore-live-" + UUID.randomUUID().toString().substring(0, 8) : listenerName;
		this.subscriberBuffer = subscriberBuffer;
		this.maxReplay = maxReplay;
	}

	// publishing

	@Override
	public void publish(LiveEvent event) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			store.insert(event);
			wakeAfterCommit();
		}
		else {
			tx.executeWithoutResult(status -> store.insert(event));
			wake();
		}
	}

	private void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(afterCommitKey)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(afterCommitKey, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(afterCommitKey);
			}
		});
	}

	// subscribing

	@Override
	public Flux<LiveEvent> events() {
		return Flux.defer(() -> sink.asFlux());
	}

	@Override
	public int subscriberCount() {
		return sink.currentSubscriberCount();
	}

	@Override
	public Flux<LiveEvent> since(long lastId, Tenant tenant, UUID user, Set<String> topics) {
		Set<String> wanted = Set.copyOf(topics);
		Predicate<LiveEvent> visible = event -> wanted.contains(event.topic()) && event.visibleTo(tenant, user);
		return Flux.defer(() -> {
			// subscribe to the live events first (buffered), then read the history: whatever commits
			// in between is in both, and the live copy is dropped by id
			Sinks.Many<LiveEvent> buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveEvent>get(subscriberBuffer).get());
			Disposable upstream = sink.asFlux().filter(visible).subscribe(event -> {
				if (buffer.tryEmitNext(event).isFailure()) {
					buffer.tryEmitError(new SubscriberTooSlow(subscriberBuffer));
				}
			}, buffer::tryEmitError, buffer::tryEmitComplete);
			try {
				long from = lastDelivered;
				Flux<LiveEvent> head = Flux.empty();
				if (lastId >= 0) {
					String gone = null;
					List<LiveEvent> history = List.of();
					if (lastId < store.purgedThrough()) {
						gone = "Events after " + lastId + " are no longer kept (retention " + retention + ").";
					}
					else if (lastId > store.lastIssued()) {
						gone = "No event " + lastId + " was ever issued here.";
					}
					else {
						history = store.visibleAfter(lastId, tenant, user, wanted, maxReplay + 1);
						if (history.size() > maxReplay) {
							gone = "More than " + maxReplay + " events happened after " + lastId + "; no replay.";
						}
					}
					if (gone != null) {
						head = Flux.just(new LiveEvent(from, RESET_TOPIC, tenant, null, gone));
					}
					else {
						history = history.stream().filter(event -> event.payload() != null).toList();
						from = Math.max(lastId, lastDeliveredBefore(history, lastId));
						head = Flux.fromIterable(history);
					}
				}
				long threshold = from;
				return head.concatWith(buffer.asFlux().filter(event -> event.id() > threshold)).doFinally(signal -> upstream.dispose());
			}
			catch (RuntimeException ex) {
				upstream.dispose();
				return Flux.error(ex);
			}
		});
	}

	private static final String RESET_TOPIC = LiveEvent.RESET;

	private static long lastDeliveredBefore(List<LiveEvent> history, long lastId) {
		return history.isEmpty() ? lastId : history.get(history.size() - 1).id();
	}

	// dispatching

	/** Something may be new: read and deliver it on the dispatch thread (at most one read pending). */
	void wake() {
		ScheduledExecutorService executor = dispatch;
		if (executor != null && running && pollPending.compareAndSet(false, true)) {
			try {
				executor.execute(this::deliverNew);
			}
			catch (java.util.concurrent.RejectedExecutionException stopped) {
				pollPending.set(false);
			}
		}
	}

	private void deliverNew() {
		pollPending.set(false);
		try {
			while (running) {
				List<LiveEvent> page = store.after(lastDelivered, PAGE);
				for (LiveEvent event : page) {
					lastDelivered = event.id();
					if (event.payload() != null) {
						sink.tryEmitNext(event);
					}
				}
				if (page.size() < PAGE) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("live events: reading new events failed ({}); retrying at the next check", ex.toString());
		}
	}

	private void purge() {
		try {
			int deleted = tx.execute(status -> store.purge(Instant.now().minus(retention)));
			if (deleted > 0) {
				log.debug("live events: {} older than {} deleted", deleted, retention);
			}
		}
		catch (RuntimeException ex) {
			log.warn("live events: retention cleanup failed ({})", ex.toString());
		}
	}

	// PostgreSQL listener

	private void listen() {
		long backoff = firstBackoff.toMillis();
		while (running) {
			try (Connection connection = connect()) {
				listening = connection;
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + LiveEventStore.CHANNEL);
				}
				log.info("live events: listening on {} as {}", LiveEventStore.CHANNEL, listenerName);
				backoff = firstBackoff.toMillis();
				wake(); // catch up with what was committed while not listening
				Notifications notifications = new Notifications(connection);
				while (running) {
					if (notifications.await(1000)) {
						wake();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("live events: listening connection lost ({}); reconnecting in {} ms", ex.toString(), backoff);
			}
			finally {
				listening = null;
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException ex) {
				return;
			}
			backoff = Math.min(backoff * 2, maxBackoff.toMillis());
		}
	}

	/**
	 * pgjdbc's {@code PGConnection.getNotifications(timeout)}, called reflectively: the driver is a
	 * runtime dependency only (the application compiles against JDBC).
	 */
	private static final class Notifications {

		private final Object pg;

		private final java.lang.reflect.Method get;

		Notifications(Connection connection) throws SQLException {
			try {
				Class<?> type = Class.forName("org.postgresql.PGConnection", true, connection.getClass().getClassLoader());
				this.pg = connection.unwrap(type);
				this.get = type.getMethod("getNotifications", int.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new SQLException("pgjdbc's PGConnection is not available", ex);
			}
		}

		/** Waits up to {@code millis} for notifications; whether any came. */
		boolean await(int millis) throws SQLException {
			try {
				Object[] received = (Object[]) get.invoke(pg, millis);
				return received != null && received.length > 0;
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				if (ex.getCause() instanceof SQLException sql) {
					throw sql;
				}
				throw new SQLException(ex.getCause());
			}
			catch (IllegalAccessException ex) {
				throw new SQLException(ex);
			}
		}

	}

	private Connection connect() throws SQLException {
		HikariDataSource hikari;
		try {
			hikari = dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException notHikari) {
			throw new SQLException("the data source is not Hikari: no URL for the listening connection", notHikari);
		}
		Properties properties = new Properties();
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		properties.setProperty("ApplicationName", listenerName);
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	// lifecycle

	@Override
	public void start() {
		lastDelivered = store.lastIssued();
		running = true;
		dispatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "live-dispatch");
			thread.setDaemon(true);
			return thread;
		});
		dispatch.scheduleWithFixedDelay(this::wake, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		dispatch.scheduleWithFixedDelay(this::purge, 0, retentionCheck.toMillis(), TimeUnit.MILLISECONDS);
		if (store.postgres()) {
			Thread thread = new Thread(this::listen, "live-listener");
			thread.setDaemon(true);
			listener = thread;
			thread.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listener;
		if (thread != null) {
			thread.interrupt();
			Connection connection = listening;
			if (connection != null) {
				try {
					connection.close();
				}
				catch (SQLException ignored) {
				}
			}
			listener = null;
		}
		ScheduledExecutorService executor = dispatch;
		if (executor != null) {
			executor.shutdownNow();
		}
		// the subscriptions of now end; those made after a restart use the new sink
		Sinks.Many<LiveEvent> ended = sink;
		sink = Sinks.many().multicast().directBestEffort();
		ended.tryEmitComplete();
	}

	/**
	 * The application is closing: end every subscription now (SSE streams complete, so the web
	 * server's graceful shutdown does not wait for them), before the beans stop.
	 */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void closing() {
		sink.tryEmitComplete();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts before the web server takes requests, stops after it has stopped. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

}
