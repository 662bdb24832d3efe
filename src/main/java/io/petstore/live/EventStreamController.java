package io.petstore.live;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonFormat;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.petstore.auth.CallContext;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetStatusChanged;
import io.petstore.payment.Payment;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.Order;
import io.petstore.store.OrderStatusChanged;
import io.petstore.v1.DomainException;

/**
 * {@code GET /v1/events}: the live events as Server-Sent Events. Anyone may follow the tenant's pet
 * status changes; with a user's bearer token also that user's own order status changes and
 * payments. Each event has its {@code live_event} id, so {@code Last-Event-ID} (or
 * {@code ?lastEventId=}) resumes without loss or duplicate while the history is kept; past it a
 * {@code reset} event says so. {@code ?types=} filters; a comment every
 * {@code petstore.live.sse.heartbeat} keeps proxies from closing the stream and finds clients that
 * have gone (their subscription ends). Each stream is written from a thread of its own pool, so a
 * client that reads slowly holds up no one; one that falls {@code petstore.live.subscriber-buffer}
 * events behind is cut off (it resumes with {@code Last-Event-ID}).
 */
@RestController
class EventStreamController implements org.springframework.beans.factory.DisposableBean {

	static final Set<String> TOPICS = Set.of(LiveEvent.PET_STATUS, LiveEvent.ORDER_STATUS, LiveEvent.PAYMENT);

	private static final List<String> TOPIC_ORDER = List.of(LiveEvent.PET_STATUS, LiveEvent.ORDER_STATUS, LiveEvent.PAYMENT);

	private static final Set<String> PUBLIC = Set.of(LiveEvent.PET_STATUS);

	private static final Object HEARTBEAT = new Object();

	private final LiveEvents live;

	private final JsonMapper json;

	private final Duration heartbeat;

	private final Scheduler writers;

	EventStreamController(LiveEvents live, JsonMapper json, @Value("${petstore.live.sse.heartbeat:PT15S}") Duration heartbeat,
			@Value("${petstore.live.sse.writer-threads:64}") int writerThreads) {
		this.live = live;
		this.json = json;
		this.heartbeat = heartbeat;
		this.writers = Schedulers.newBoundedElastic(writerThreads, Integer.MAX_VALUE, "sse-writer", 60, true);
	}

	@Override
	public void destroy() {
		writers.dispose();
	}

	@GetMapping("/v1/events")
	ResponseEntity<SseEmitter> events(CallContext call, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
			@RequestParam(name = "types", required = false) String types) {
		Set<String> requested = topics(types);
		UUID user = call.caller().isPresent() ? call.user().userId() : null;
		Set<String> topics = new LinkedHashSet<>(requested);
		if (user == null) {
			if (types != null && !PUBLIC.containsAll(requested)) {
				if (!call.authenticated()) {
					throw DomainException.unauthorized("order.statusChanged and payment.succeeded are a user's own events: "
							+ "they need a bearer token (Authorization: Bearer <token>).");
				}
				throw DomainException.forbidden("order.statusChanged and payment.succeeded are a user's own events; "
						+ "a client-credentials token names no user.");
			}
			topics.retainAll(PUBLIC);
		}
		String resume = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParam;
		long lastId = lastId(resume);

		SseEmitter emitter = new SseEmitter(0L);
		Flux<Object> events = live.since(lastId, call.tenant(), user, topics).cast(Object.class);
		// heartbeats until the events end (the server shutting down completes them)
		Flux<Object> items = events
			.publish(shared -> Flux.merge(shared, Flux.interval(heartbeat, heartbeat).map(tick -> HEARTBEAT).takeUntilOther(shared.then())))
			.publishOn(writers, 32);
		try {
			emitter.send(SseEmitter.event().comment("petstore live events: " + String.join(",", topics)).reconnectTime(1000));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Disposable subscription = items.subscribe(item -> {
			try {
				send(emitter, item, resume);
			}
			catch (IOException ex) {
				throw Exceptions.propagate(ex);
			}
		}, error -> {
			// a failed write: the client has gone and the container ends the request itself; else
			// (too far behind, shutting down) end the stream: the client reconnects with Last-Event-ID
			if (!(Exceptions.unwrap(error) instanceof IOException)) {
				complete(emitter);
			}
		}, () -> complete(emitter));
		emitter.onCompletion(subscription::dispose);
		emitter.onTimeout(subscription::dispose);
		emitter.onError(error -> subscription.dispose());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.body(emitter);
	}

	private static void complete(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (RuntimeException alreadyFailed) {
			// the response failed meanwhile (the client went away): nothing left to end
		}
	}

	private void send(SseEmitter emitter, Object item, String resume) throws IOException {
		if (item == HEARTBEAT) {
			emitter.send(SseEmitter.event().comment("heartbeat"));
			return;
		}
		LiveEvent event = (LiveEvent) item;
		Object data = switch (event.topic()) {
			case LiveEvent.PET_STATUS -> PetEvent.of((PetStatusChanged) event.payload());
			case LiveEvent.ORDER_STATUS -> OrderEvent.of((OrderStatusChanged) event.payload());
			case LiveEvent.PAYMENT -> PaymentEvent.of((PaymentSucceeded) event.payload());
			default -> new ResetEvent((String) event.payload(), resume);
		};
		emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.topic()).data(json.writeValueAsString(data)));
	}

	private static Set<String> topics(String types) {
		if (types == null) {
			return new LinkedHashSet<>(TOPIC_ORDER);
		}
		Set<String> topics = new LinkedHashSet<>();
		for (String type : types.split(",")) {
			String name = type.trim();
			if (name.isEmpty()) {
				continue;
			}
			if (!TOPICS.contains(name)) {
				throw DomainException.badRequest("Unknown event type '" + name + "' in types; the types are "
						+ String.join(", ", TOPIC_ORDER) + ".");
			}
			topics.add(name);
		}
		if (topics.isEmpty()) {
			throw DomainException.badRequest("types names no event type; the types are " + String.join(", ", TOPIC_ORDER) + ".");
		}
		return topics;
	}

	private static long lastId(String value) {
		if (value == null || value.isBlank()) {
			return -1;
		}
		try {
			long id = Long.parseLong(value.trim());
			if (id < 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw DomainException.badRequest("Last-Event-ID must be the id of an event this stream sent (a non-negative integer), not '"
					+ (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'.");
		}
	}

	// the data of each event type (docs/live-events.md, modern-v1.yaml)

	record PetEvent(UUID petId, String previousStatus, String status, Instant changedAt, Pet pet) {

		static PetEvent of(PetStatusChanged change) {
			return new PetEvent(change.pet().id(), change.from() == null ? null : change.from().name(), change.to().name(),
					change.pet().updatedAt(), change.pet());
		}

	}

	record OrderEvent(UUID orderId, UUID petId, String previousStatus, String status, Instant changedAt, String reason,
			Order order) {

		static OrderEvent of(OrderStatusChanged change) {
			return new OrderEvent(change.order().id(), change.order().petId(),
					change.previousStatus() == null ? null : change.previousStatus().name(), change.newStatus().name(),
					change.changedAt(), change.reason(), change.order());
		}

	}

	record PaymentEvent(UUID orderId, UUID paymentId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
			String currency, String status, Instant paidAt, Payment payment) {

		static PaymentEvent of(PaymentSucceeded paid) {
			return new PaymentEvent(paid.order().id(), paid.payment().id(), paid.payment().amount(), paid.payment().currency(),
					paid.payment().status().name(), paid.payment().createdAt(), paid.payment());
		}

	}

	record ResetEvent(String reason, String lastEventId) {
	}

}
