package io.petstore.socketio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transport's settings ({@code petstore.socketio.*}).
 * @param pingInterval milliseconds between the server's pings (engine.io's {@code pingInterval})
 * @param pingTimeout milliseconds a client has to answer a ping before its connection is closed
 * (engine.io's {@code pingTimeout}): a silent or vanished client is gone after interval + timeout
 * @param maxFrameBytes the largest engine.io packet accepted (a WebSocket frame, or one packet of a
 * polling body); a larger one is dropped with a {@code chatError} MESSAGE_TOO_LARGE
 * @param maxHttpBufferBytes the largest polling POST body (several packets); past it 413
 * @param eventsPerSecond per-connection event rate, sustained
 * @param eventBurst per-connection event rate, burst
 * @param abuseLimit refused events (over the rate) within one ten-second window after which the
 * connection is closed
 * @param maxPendingBytes outgoing bytes a connection may have waiting (a slow WebSocket reader or a
 * polling client that does not poll); past it that connection is closed
 * @param sendTimeLimitMillis how long one WebSocket send may block before the connection counts as slow
 */
@ConfigurationProperties("petstore.socketio")
record SocketIoProperties(Long pingInterval, Long pingTimeout, Integer maxFrameBytes, Integer maxHttpBufferBytes,
		Double eventsPerSecond, Integer eventBurst, Integer abuseLimit, Integer maxPendingBytes, Integer sendTimeLimitMillis) {

	SocketIoProperties {
		pingInterval = pingInterval == null ? 25_000L : pingInterval;
		pingTimeout = pingTimeout == null ? 20_000L : pingTimeout;
		maxFrameBytes = maxFrameBytes == null ? 16 * 1024 : maxFrameBytes;
		maxHttpBufferBytes = maxHttpBufferBytes == null ? 1_000_000 : maxHttpBufferBytes;
		eventsPerSecond = eventsPerSecond == null ? 20.0 : eventsPerSecond;
		eventBurst = eventBurst == null ? 40 : eventBurst;
		abuseLimit = abuseLimit == null ? 200 : abuseLimit;
		maxPendingBytes = maxPendingBytes == null ? 1024 * 1024 : maxPendingBytes;
		sendTimeLimitMillis = sendTimeLimitMillis == null ? 10_000 : sendTimeLimitMillis;
	}

}
