package io.petstore.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A real DNS server on a loopback UDP port, in the test JVM: answers TXT queries from records the
 * tests publish, NXDOMAIN for unknown names, SERVFAIL or nothing at all (a timeout) for names told
 * so. Messages are read and written with dnsjava's wire-format classes; the server under test asks
 * it through its configured resolver like any other DNS server.
 */
public final class TestDnsServer {

	private static TestDnsServer shared;

	private final DatagramSocket socket;

	private final Map<String, List<String>> txt = new ConcurrentHashMap<>();

	private final Set<String> silent = ConcurrentHashMap.newKeySet();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private TestDnsServer() throws IOException {
		this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "test-dns");
		thread.setDaemon(true);
		thread.start();
	}

	/** The one server of this test JVM, started on first use. */
	public static synchronized TestDnsServer shared() {
		if (shared == null) {
			try {
				shared = new TestDnsServer();
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot start the test DNS server", ex);
			}
		}
		return shared;
	}

	/** {@code host:port}, for {@code petstore.inbox.dns.resolver}. */
	public String address() {
		return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
	}

	/** The name now has these TXT records (and no others). */
	public void publishTxt(String name, String... values) {
		txt.put(key(name), List.of(values));
	}

	/** Queries for the name go unanswered. */
	public void silence(String name) {
		silent.add(key(name));
	}

	/** Queries for the name get SERVFAIL. */
	public void fail(String name) {
		failing.add(key(name));
	}

	private static String key(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private void serve() {
		byte[] buffer = new byte[4096];
		while (!socket.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				socket.receive(packet);
				byte[] reply = answer(Arrays.copyOf(packet.getData(), packet.getLength()));
				if (reply != null) {
					socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
				}
			}
			catch (IOException | RuntimeException ex) {
				// a malformed query: ignore it, as a DNS server would
			}
		}
	}

	private byte[] answer(byte[] wire) throws IOException {
		Message query = new Message(wire);
		Record question = query.getQuestion();
		String name = key(question.getName().toString(true));
		if (silent.contains(name)) {
			return null;
		}
		Message reply = new Message(query.getHeader().getID());
		reply.getHeader().setFlag(Flags.QR);
		reply.getHeader().setFlag(Flags.AA);
		if (query.getHeader().getFlag(Flags.RD)) {
			reply.getHeader().setFlag(Flags.RD);
		}
		reply.getHeader().setFlag(Flags.RA);
		reply.addRecord(question, Section.QUESTION);
		List<String> values = txt.get(name);
		if (failing.contains(name)) {
			reply.getHeader().setRcode(Rcode.SERVFAIL);
		}
		else if (values == null) {
			reply.getHeader().setRcode(Rcode.NXDOMAIN);
		}
		else if (question.getType() == Type.TXT) {
			for (String value : values) {
				reply.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, chunks(value)), Section.ANSWER);
			}
		}
		return reply.toWire();
	}

	/** A TXT record holds strings of at most 255 bytes; longer values are split, as publishers do. */
	private static List<String> chunks(String value) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < value.length(); i += 255) {
			parts.add(value.substring(i, Math.min(value.length(), i + 255)));
		}
		return parts.isEmpty() ? List.of("") : parts;
	}

}
