package io.petstore.socketio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transport's own settings ({@code petstore.socketio.*}); the chat's limits are
 * {@code supportchat.ChatLimits} ({@code petstore.chat.*}), shared with the WebSocket adapter.
 * @param pingInterval milliseconds between the server's pings (engine.io's {@code pingInterval})
 * @param pingTimeout milliseconds a client has to answer a ping before its connection is closed
 * (engine.io's {@code pingTimeout}): a silent or vanished client is gone after interval + timeout.
 * This is Socket.IO's idle timeout: a live client answers every ping, so it is never idle
 * @param maxHttpBufferBytes the largest polling POST body (several packets); past it 413
 * (engine.io's {@code maxHttpBufferSize})
 */
@ConfigurationProperties("petstore.socketio")
record SocketIoProperties(Long pingInterval, Long pingTimeout, Integer maxHttpBufferBytes) {

	SocketIoProperties {
		pingInterval = pingInterval == null ? 25_000L : pingInterval;
		pingTimeout = pingTimeout == null ? 20_000L : pingTimeout;
		maxHttpBufferBytes = maxHttpBufferBytes == null ? 1_000_000 : maxHttpBufferBytes;
	}

}
