package io.petstore.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks: it records every request (headers, body,
 * time) and answers with the next scripted {@link Answer}, or 200 when the script is empty.
 */
public final class Receiver implements AutoCloseable {

	/** One received request. */
	public record Request(String path, Map<String, List<String>> headers, String body, Instant at) {

		public String header(String name) {
			for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return entry.getValue().get(0);
				}
			}
			return null;
		}

	}

	/** How to answer one request: a status and body after a delay, optionally a Location. */
	public record Answer(int status, String body, Duration delay, String location) {

		public static Answer status(int status) {
			return new Answer(status, "", Duration.ZERO, null);
		}

		public static Answer slow(Duration delay) {
			return new Answer(200, "late", delay, null);
		}

		public static Answer redirect(String location) {
			return new Answer(307, "", Duration.ZERO, location);
		}

	}

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

	private volatile Answer otherwise = Answer.status(200);

	private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

	public Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			received.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
			Answer answer = script.poll();
			if (answer == null) {
				answer = otherwise;
			}
			try {
				Thread.sleep(answer.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (answer.location() != null) {
				exchange.getResponseHeaders().add("Location", answer.location());
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			try {
				exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
				if (bytes.length > 0) {
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(bytes);
					}
				}
			}
			catch (IOException gone) {
				// the sender gave up (timeout): fine
			}
			exchange.close();
		});
		server.start();
	}

	/** Answers the next requests with these, in order; then {@link #otherwise}. */
	public Receiver then(Answer... answers) {
		script.addAll(List.of(answers));
		return this;
	}

	/** Answers every request not scripted with this. */
	public Receiver otherwise(Answer answer) {
		otherwise = answer;
		return this;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public List<Request> received() {
		synchronized (received) {
			return List.copyOf(received);
		}
	}

	public List<Request> received(Predicate<Request> filter) {
		return received().stream().filter(filter).toList();
	}

	/** Waits up to {@code timeout} until {@code count} matching requests arrived; returns them. */
	public List<Request> await(int count, Duration timeout, Predicate<Request> filter) {
		Instant end = Instant.now().plus(timeout);
		while (Instant.now().isBefore(end)) {
			List<Request> matching = received(filter);
			if (matching.size() >= count) {
				return matching;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("expected " + count + " requests within " + timeout + ", got " + received(filter).size() + ": "
				+ received(filter));
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
