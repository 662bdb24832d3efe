package io.petstore.supportchat;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The limits every support-chat adapter applies (settings {@code petstore.chat.*}); each adapter
 * enforces them on its own connections.
 */
@Component
public class ChatLimits {

	private final int connectionsPerUser;

	private final int maxFrameBytes;

	private final int ratePerSecond;

	private final int rateBurst;

	private final int abuseRejections;

	private final Duration idleTimeout;

	private final int sendBufferBytes;

	private final Duration sendTimeLimit;

	private final int conversationsPerConnection;

	ChatLimits(@Value("${petstore.chat.connections-per-user:10}") int connectionsPerUser,
			@Value("${petstore.chat.max-frame-bytes:16384}") int maxFrameBytes,
			@Value("${petstore.chat.rate-per-second:20}") int ratePerSecond, @Value("${petstore.chat.rate-burst:40}") int rateBurst,
			@Value("${petstore.chat.abuse-rejections:200}") int abuseRejections,
			@Value("${petstore.chat.idle-timeout:5m}") Duration idleTimeout,
			@Value("${petstore.chat.send-buffer-bytes:1048576}") int sendBufferBytes,
			@Value("${petstore.chat.send-time-limit:10s}") Duration sendTimeLimit,
			@Value("${petstore.chat.conversations-per-connection:20}") int conversationsPerConnection) {
		this.connectionsPerUser = connectionsPerUser;
		this.maxFrameBytes = maxFrameBytes;
		this.ratePerSecond = ratePerSecond;
		this.rateBurst = rateBurst;
		this.abuseRejections = abuseRejections;
		this.idleTimeout = idleTimeout;
		this.sendBufferBytes = sendBufferBytes;
		this.sendTimeLimit = sendTimeLimit;
		this.conversationsPerConnection = conversationsPerConnection;
	}

	/** Open connections one user may hold (per instance); the next is refused with 429. Default 10. */
	public int connectionsPerUser() {
		return connectionsPerUser;
	}

	/** The largest incoming message (frame) in bytes; a larger one closes the connection (1009). Default 16 KiB. */
	public int maxFrameBytes() {
		return maxFrameBytes;
	}

	/** Messages per second a connection may send, sustained. Default 20. */
	public int ratePerSecond() {
		return ratePerSecond;
	}

	/** Messages a connection may send at once. Default 40. */
	public int rateBurst() {
		return rateBurst;
	}

	/** Messages refused for the rate within 10 seconds after which the connection is closed (1008). Default 200. */
	public int abuseRejections() {
		return abuseRejections;
	}

	/** A connection without any incoming frame (pings count) this long is closed. Default 5 minutes. */
	public Duration idleTimeout() {
		return idleTimeout;
	}

	/** Outgoing characters a connection may have waiting; past them it is cut off (slow consumer). Default 1 MiB. */
	public int sendBufferBytes() {
		return sendBufferBytes;
	}

	/** How long one outgoing message may take to be written before the connection is cut off. Default 10 s. */
	public Duration sendTimeLimit() {
		return sendTimeLimit;
	}

	/** Conversations one connection may have joined at once. Default 20. */
	public int conversationsPerConnection() {
		return conversationsPerConnection;
	}

}
