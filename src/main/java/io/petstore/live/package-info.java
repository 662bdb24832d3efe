/**
 * Live events: what the realtime protocols push (SSE {@code GET /v1/events}, GraphQL subscriptions,
 * gRPC streams; WebSocket and Socket.IO can use the same seam). {@link io.petstore.live.LiveEvents}
 * is the one seam: the relay publishes each domain change there inside its transaction (the
 * {@code live_event} row, and on PostgreSQL a NOTIFY), and every adapter subscribes there, never
 * to the domain events themselves. {@link io.petstore.live.LiveEventDispatcher} delivers the
 * committed rows on every instance that shares the database, catching up from the table after a
 * gap. Owns {@code live_event} and {@code live_event_counter} (docs/live-events.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live events (realtime seam)")
package io.petstore.live;
