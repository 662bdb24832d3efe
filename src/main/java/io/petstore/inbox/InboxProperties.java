package io.petstore.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code petstore.inbox.*}: the demo key, the DNS resolver used for ownership checks and the SMTP
 * listener.
 *
 * @param demoKey an {@code api_key} value that always works, for one shared demo account (the
 * seed's {@code special-key}); empty turns it off
 * @param dns resolver settings
 * @param smtp listener settings
 */
@ConfigurationProperties("petstore.inbox")
record InboxProperties(String demoKey, Dns dns, Smtp smtp) {

	/**
	 * @param resolver {@code host} or {@code host:port} of the DNS server to ask; empty: the
	 * system's resolvers (from /etc/resolv.conf)
	 * @param timeout how long one lookup may take before it is reported as timed out
	 */
	record Dns(String resolver, Duration timeout) {
	}

	/**
	 * @param enabled whether the listener runs
	 * @param port TCP port (0: any free port)
	 * @param bindAddress address to listen on; empty: all
	 * @param hostName the name in the greeting and Received headers
	 * @param maxMessageSize larger messages are refused with 552
	 * @param maxRecipients recipients per message
	 * @param maxConnections concurrent connections
	 * @param timeout idle time before a connection is closed
	 */
	record Smtp(boolean enabled, int port, String bindAddress, String hostName, DataSize maxMessageSize,
			int maxRecipients, int maxConnections, Duration timeout) {
	}

}
