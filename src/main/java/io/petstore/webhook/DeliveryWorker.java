package io.petstore.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static io.petstore.persistence.Timestamps.now;

/**
 * Sends the outbox. A loop claims due deliveries (as many as it has free slots), hands each to a
 * pool of senders, and sleeps until the poll interval passes or a commit in this instance wakes it.
 * Each attempt is signed afresh (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}; also {@code X-Webhook-Signature: sha256=<hex>}, the HMAC of the body
 * the Modern Pet Store's documents name). A 2xx ends the delivery; anything else is retried after
 * the next of {@code petstore.webhooks.retry-delays}, and after the last the delivery fails.
 * Every instance may run a worker: claims skip rows another worker has locked, and a lease keeps a
 * claimed delivery away from the others until its outcome is recorded.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryRepository deliveries;

	private final WebhookRepository webhooks;

	private final Sender sender;

	private final TransactionTemplate tx;

	private final WebhookProperties properties;

	private final Semaphore slots;

	private final Object signal = new Object();

	private volatile boolean running;

	private boolean woken;

	private Thread loop;

	private ExecutorService senders;

	private final MeterRegistry meters;

	DeliveryWorker(DeliveryRepository deliveries, WebhookRepository webhooks, Sender sender, TransactionTemplate tx,
			WebhookProperties properties, MeterRegistry meters) {
		this.meters = meters;
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.sender = sender;
		this.tx = tx;
		this.properties = properties;
		this.slots = new Semaphore(properties.concurrency());
	}

	/** Something was queued here: look now rather than at the next poll. */
	void wake() {
		synchronized (signal) {
			woken = true;
			signal.notifyAll();
		}
	}

	@Override
	public void start() {
		if (!properties.worker()) {
			return;
		}
		AtomicInteger count = new AtomicInteger();
		senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "webhook-sender-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		running = true;
		loop = new Thread(this::run, "webhook-worker");
		loop.setDaemon(true);
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		wake();
		if (loop != null) {
			try {
				loop.join(5000);
				senders.shutdown();
				// attempts in flight finish (each has a deadline); anything left is retried after its lease
				senders.awaitTermination(properties.deadline().toMillis() + 1000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server and the database pool (higher phases stop first). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	private void run() {
		while (running) {
			int claimed = 0;
			int free = slots.availablePermits();
			try {
				if (free > 0) {
					claimed = claimAndSend(free);
				}
			}
			catch (RuntimeException ex) {
				// the database is busy or away: try again at the next poll
				log.warn("Could not claim webhook deliveries: {}", ex.toString());
			}
			if (claimed == free && free > 0) {
				continue; // there may be more due right now
			}
			synchronized (signal) {
				if (!woken && running) {
					try {
						signal.wait(properties.pollInterval().toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				woken = false;
			}
		}
	}

	private int claimAndSend(int free) {
		Instant now = now();
		List<DeliveryRepository.Claimed> claimed = tx
			.execute(status -> deliveries.claim(now, free, now.plus(properties.lease())));
		for (DeliveryRepository.Claimed delivery : claimed) {
			slots.acquireUninterruptibly();
			senders.execute(() -> {
				try {
					attempt(delivery);
				}
				catch (RuntimeException ex) {
					log.warn("Webhook delivery {} could not be recorded (it is retried after its lease): {}", delivery.id(),
							ex.toString());
				}
				finally {
					slots.release();
					wake();
				}
			});
		}
		return claimed.size();
	}

	private void attempt(DeliveryRepository.Claimed delivery) {
		String url = delivery.url();
		String secret = null;
		if (delivery.subscriptionId() != null) {
			Optional<WebhookRepository.Subscription> subscription = webhooks.find(delivery.tenantId(), delivery.subscriptionId());
			if (subscription.isEmpty() || !subscription.get().webhook().active()) {
				tx.executeWithoutResult(status -> deliveries.abandon(delivery, now()));
				return;
			}
			url = subscription.get().webhook().url(); // the current URL, if the user changed it since
			secret = subscription.get().secret();
		}
		Sender.Result result = sender.post(url, headers(delivery, secret), delivery.payload());
		meters.counter("petstore.webhooks.attempts", "outcome", result.succeeded() ? "succeeded" : "failed").increment();
		Instant at = now();
		Delivery.Status status;
		Instant next = null;
		if (result.succeeded()) {
			status = Delivery.Status.SUCCEEDED;
		}
		else if (delivery.roundAttempts() + 1 < properties.attempts()) {
			status = Delivery.Status.PENDING;
			next = at.plus(properties.retryDelays().get(delivery.roundAttempts()));
		}
		else {
			status = Delivery.Status.FAILED;
		}
		Instant nextAttempt = next;
		tx.executeWithoutResult(s -> deliveries.finish(delivery, status, nextAttempt, at, result));
	}

	/** The signature headers of one attempt (none for a callback: the Modern Pet Store's callbacks are unsigned). */
	static Map<String, String> headers(DeliveryRepository.Claimed delivery, String secret) {
		Map<String, String> headers = new LinkedHashMap<>();
		String id = delivery.eventId().toString();
		long timestamp = Instant.now().getEpochSecond();
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		if (secret != null) {
			try {
				headers.put("webhook-signature", new Webhook(secret).sign(id, timestamp, delivery.payload()));
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
				headers.put("X-Webhook-Signature",
						"sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.payload().getBytes(StandardCharsets.UTF_8))));
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not sign webhook " + id, ex);
			}
		}
		headers.put("X-Webhook-Event", delivery.eventType());
		return headers;
	}

}
