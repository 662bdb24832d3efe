/**
 * Socket.IO (protocol v5, engine.io v4) at {@code /socket.io/} on the HTTP port, for
 * {@code socket.io-client} 4.x: {@code io.socket:socket.io-server} on {@code engine.io-server},
 * wired into Spring on Jetty 12 by a small adapter of our own (the library's Jetty adapter targets
 * Jetty 9): long-polling through {@link io.petstore.socketio.SocketIoEndpoint} (a controller, so
 * Spring's filters and CORS apply), WebSocket through Spring WebSocket
 * ({@link io.petstore.socketio.SocketIoWebSocketHandler}, which wraps the Spring session in
 * engine.io's {@code EngineIoWebSocket}). {@link io.petstore.socketio.SocketIoGate} sees every
 * incoming packet first: it opens the call context from the handshake's {@code auth} (refusing the
 * namespace connection with {@code connect_error} otherwise) and applies the frame size and rate
 * limits. {@link io.petstore.socketio.SocketIoConnections} serves connected sockets: the
 * {@code connected} event and the user's live events. An adapter only; owns no tables (docs/socketio.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Socket.IO adapter")
package io.petstore.socketio;
