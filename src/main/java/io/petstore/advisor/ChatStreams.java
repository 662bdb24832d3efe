package io.petstore.advisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import io.petstore.v1.DomainException;

/**
 * The producers of streamed completions: one thread of a bounded pool per stream (not a request
 * thread; the request is asynchronous), which writes the events and stops at the first failed write
 * (the client went away), when the emitter reports an error or completion, or at
 * {@code petstore.chat.stream-timeout}. Past {@code petstore.chat.max-streams} concurrent streams a
 * new one is refused with 503.
 */
@Component
class ChatStreams implements DisposableBean {

	/** Writes one stream; returns normally at its end. */
	interface Producer {

		void run(Sink sink) throws IOException;

	}

	/** Where a producer writes its SSE events. */
	interface Sink {

		/** One event; throws when the client is gone or the stream was stopped. */
		void event(String id, String event, String data) throws IOException;

	}

	private final ThreadPoolExecutor pool;

	private final Duration timeout;

	private final long delayMillis;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicLong stopped = new AtomicLong();

	ChatStreams(@Value("${petstore.chat.max-streams:64}") int maxStreams,
			@Value("${petstore.chat.stream-timeout:60s}") Duration timeout,
			@Value("${petstore.chat.stream-delay-ms:0}") long delayMillis) {
		AtomicInteger names = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(0, maxStreams, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
			Thread thread = new Thread(task, "advisor-stream-" + names.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.timeout = timeout;
		this.delayMillis = delayMillis;
	}

	/** Producers running now. */
	int active() {
		return active.get();
	}

	/** Streams ended before their end (client gone, timeout, error) since start. */
	long stopped() {
		return stopped.get();
	}

	/** Pause between two content events ({@code petstore.chat.stream-delay-ms}, 0 by default). */
	long delayMillis() {
		return delayMillis;
	}

	ResponseBodyEmitter start(Producer producer) {
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(timeout.toMillis());
		AtomicBoolean over = new AtomicBoolean();
		emitter.onTimeout(() -> over.set(true));
		emitter.onError(error -> over.set(true));
		emitter.onCompletion(() -> over.set(true));
		Sink sink = (id, event, data) -> {
			if (over.get()) {
				throw new IOException("the stream was stopped");
			}
			StringBuilder text = new StringBuilder();
			if (id != null) {
				text.append("id: ").append(id).append('\n');
			}
			if (event != null) {
				text.append("event: ").append(event).append('\n');
			}
			text.append("data: ").append(data).append("\n\n");
			emitter.send(text.toString().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_OCTET_STREAM);
		};
		try {
			pool.execute(() -> {
				active.incrementAndGet();
				boolean completed = false;
				try {
					producer.run(sink);
					completed = true;
					emitter.complete();
				}
				catch (IOException | RuntimeException gone) {
					// the client went away, the stream timed out, or the source failed: end it
					emitter.completeWithError(gone);
				}
				finally {
					if (!completed) {
						stopped.incrementAndGet();
					}
					active.decrementAndGet();
				}
			});
		}
		catch (RejectedExecutionException full) {
			throw DomainException.unavailable("Too many chat completions are streaming right now; try again shortly.");
		}
		return emitter;
	}

	/** Waits between two content events when configured (a readable pace for demos); stops when interrupted. */
	void pause() throws IOException {
		if (delayMillis > 0) {
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted", ex);
			}
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
