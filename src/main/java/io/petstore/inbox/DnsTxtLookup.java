package io.petstore.inbox;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks TXT records up with dnsjava, asking the configured DNS server ({@code petstore.inbox.dns.resolver},
 * {@code host} or {@code host:port}) or else the system's. No cache: a record just published is seen
 * at once (as far as the resolver asked allows). One lookup takes at most the configured timeout.
 */
@Component
class DnsTxtLookup {

	private static final Logger log = LoggerFactory.getLogger(DnsTxtLookup.class);

	enum Outcome {
		/** The name has TXT records ({@link Answer#values}). */
		FOUND,
		/** NXDOMAIN: the name does not exist. */
		NO_SUCH_NAME,
		/** The name exists but has no TXT record. */
		NO_RECORD,
		/** No answer within the timeout. */
		TIMED_OUT,
		/** The server refused or failed (SERVFAIL, REFUSED, a network error). */
		FAILED
	}

	/** @param values each TXT record's strings joined, as published */
	record Answer(Outcome outcome, List<String> values, String detail) {
	}

	private final Resolver resolver;

	private final Duration timeout;

	DnsTxtLookup(InboxProperties properties) throws UnknownHostException {
		this.timeout = properties.dns().timeout();
		String configured = properties.dns().resolver();
		if (configured == null || configured.isBlank()) {
			this.resolver = new ExtendedResolver();
		}
		else {
			this.resolver = new SimpleResolver(address(configured.strip()));
		}
		this.resolver.setTimeout(timeout);
	}

	Answer txt(String domain) {
		Message query;
		try {
			query = Message.newQuery(Record.newRecord(Name.fromString(domain + "."), Type.TXT, DClass.IN));
		}
		catch (TextParseException ex) {
			return new Answer(Outcome.FAILED, List.of(), "not a DNS name: " + ex.getMessage());
		}
		Message response;
		try {
			response = resolver.sendAsync(query).toCompletableFuture().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return timedOut();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
				return timedOut();
			}
			log.debug("TXT lookup for {} failed", domain, cause);
			return new Answer(Outcome.FAILED, List.of(), "the DNS server could not be asked: " + cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return timedOut();
		}
		int rcode = response.getRcode();
		if (rcode == Rcode.NXDOMAIN) {
			return new Answer(Outcome.NO_SUCH_NAME, List.of(), "the name does not exist (NXDOMAIN)");
		}
		if (rcode != Rcode.NOERROR) {
			return new Answer(Outcome.FAILED, List.of(), "the DNS server answered " + Rcode.string(rcode));
		}
		List<String> values = new ArrayList<>();
		for (Record record : response.getSection(Section.ANSWER)) {
			if (record instanceof TXTRecord txt) {
				values.add(String.join("", txt.getStrings()));
			}
		}
		if (values.isEmpty()) {
			return new Answer(Outcome.NO_RECORD, List.of(), "the name has no TXT record");
		}
		return new Answer(Outcome.FOUND, values, null);
	}

	private Answer timedOut() {
		return new Answer(Outcome.TIMED_OUT, List.of(), "no answer from the DNS server within " + timeout.toMillis() + " ms");
	}

	private static InetSocketAddress address(String value) {
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			int port = end + 2 < value.length() && value.charAt(end + 1) == ':' ? Integer.parseInt(value.substring(end + 2)) : 53;
			return new InetSocketAddress(value.substring(1, end), port);
		}
		int colon = value.lastIndexOf(':');
		if (colon > 0 && value.indexOf(':') == colon) {
			return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
		}
		return new InetSocketAddress(value, 53);
	}

}
