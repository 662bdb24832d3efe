package io.petstore.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import io.petstore.audit.AuditOrigin;
import io.petstore.audit.AuditTrail;

/**
 * The SMTP listener (SubEtha SMTP) on {@code petstore.inbox.smtp.port}: takes mail for existing
 * inboxes on validated, active domains, refusing any other recipient at RCPT time with
 * {@code 550 5.1.1}, and messages over the size limit with {@code 552}. Each accepted message is
 * stored once per inbox it was addressed to (in every tenant that has that inbox).
 */
@Component
class SmtpListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

	private final InboxProperties.Smtp settings;

	private final Inboxes inboxes;

	private final Mailbox mailbox;

	private volatile SMTPServer server;

	SmtpListener(InboxProperties properties, Inboxes inboxes, Mailbox mailbox) {
		this.settings = properties.smtp();
		this.inboxes = inboxes;
		this.mailbox = mailbox;
	}

	@Override
	public synchronized void start() {
		if (!settings.enabled() || server != null) {
			return;
		}
		SMTPServer.Builder builder = SMTPServer.port(settings.port())
			.hostName(settings.hostName())
			.softwareName("Petstore Inboxes")
			.maxMessageSize(maxSize())
			.maxRecipients(settings.maxRecipients())
			.maxConnections(settings.maxConnections())
			.connectionTimeout((int) settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.insertReceivedHeaders()
			.messageHandlerFactory(Delivery::new);
		if (settings.bindAddress() != null && !settings.bindAddress().isBlank()) {
			try {
				builder.bindAddress(InetAddress.getByName(settings.bindAddress().strip()));
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("petstore.inbox.smtp.bind-address: unknown host " + settings.bindAddress(), ex);
			}
		}
		SMTPServer started = builder.build();
		started.start();
		server = started;
		log.info("SMTP listener for inboxes on port {}", started.getPortAllocated());
	}

	@Override
	public synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	/** The port the listener took (the configured one, or the free port chosen for 0); -1 when off. */
	int port() {
		SMTPServer current = server;
		return current == null ? -1 : current.getPortAllocated();
	}

	private int maxSize() {
		return (int) Math.min(Integer.MAX_VALUE - 1, settings.maxMessageSize().toBytes());
	}

	/** One SMTP transaction: MAIL FROM, RCPT TO (checked one by one), DATA. */
	private final class Delivery implements MessageHandler {

		private String from;

		private final Set<UUID> targets = new LinkedHashSet<>();

		private final String peer;

		Delivery(MessageContext context) {
			this.peer = context.getRemoteAddress() instanceof java.net.InetSocketAddress inet ? inet.getAddress().getHostAddress()
					: String.valueOf(context.getRemoteAddress());
		}

		@Override
		public void from(String address) {
			this.from = address;
		}

		@Override
		public void recipient(String address) throws RejectException {
			var found = inboxes.deliverable(address);
			if (found.isEmpty()) {
				throw new RejectException(550, "5.1.1 <" + address + ">: no such inbox here");
			}
			targets.addAll(found);
		}

		@Override
		public String data(InputStream data) throws RejectException, IOException {
			byte[] raw = read(data, maxSize());
			String sender = from == null || from.isEmpty() ? "<>" : from;
			int delivered = AuditTrail.withOrigin(new AuditOrigin("SMTP", "smtp:" + sender, peer, "DATA"),
					() -> mailbox.deliver(from, targets, raw));
			if (delivered == 0) {
				throw new RejectException(550, "5.1.1 the inboxes were deleted during delivery");
			}
			return null;
		}

		@Override
		public void done() {
		}

	}

	private static byte[] read(InputStream in, int limit) throws IOException, RejectException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		byte[] buffer = new byte[8192];
		int total = 0;
		for (int n; (n = in.read(buffer)) != -1;) {
			total += n;
			if (total > limit) {
				// the listener's DATA command does not read the rest after a refusal: drain it here
				in.transferTo(java.io.OutputStream.nullOutputStream());
				throw new RejectException(552, "5.3.4 message is larger than " + limit + " bytes");
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

}
