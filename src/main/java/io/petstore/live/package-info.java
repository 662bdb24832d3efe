/**
 * Live events: what the realtime protocols push (GraphQL subscriptions now; WebSocket, Socket.IO,
 * SSE and gRPC streams later). {@link io.petstore.live.LiveEvents} is the one seam: the relay
 * publishes each domain change there once its transaction has committed, and every adapter
 * subscribes there, never to the domain events themselves. Today the events stay in this
 * instance ({@link io.petstore.live.InProcessLiveEvents}); the cross-instance fan-out (PostgreSQL
 * LISTEN/NOTIFY) replaces that one bean. Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live events (realtime seam)")
package io.petstore.live;
