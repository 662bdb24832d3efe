package io.petstore.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one attempt: a POST with a JSON body, through a pooled Apache HttpClient whose DNS
 * resolver is the {@link TargetGuard}. Timeouts on connect and read, a deadline for the whole
 * attempt (redirects included), and only the first {@value #PREFIX} bytes of the answer are read.
 */
@Component
class Sender implements DisposableBean {

	static final int PREFIX = 1024;

	/** What an attempt gave: the status code (null if no answer), time taken, error, body prefix. */
	record Result(Integer statusCode, int latencyMs, String error, String body) {

		boolean succeeded() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}

	}

	private final CloseableHttpClient client;

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	private final WebhookProperties properties;

	Sender(WebhookProperties properties, TargetGuard guard) {
		this.properties = properties;
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			.setSocketTimeout(Timeout.of(properties.readTimeout()))
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(guard)
				.setDefaultConnectionConfig(connection)
				.setMaxConnTotal(Math.max(16, properties.concurrency() * 2))
				.setMaxConnPerRoute(Math.max(4, properties.concurrency()))
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(properties.readTimeout()))
				.setRedirectsEnabled(properties.maxRedirects() > 0)
				.setMaxRedirects(properties.maxRedirects())
				.build())
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Petstore-Webhooks/1.0")
			.build();
	}

	Result post(String url, Map<String, String> headers, String body) {
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		long start = System.nanoTime();
		ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
		try {
			ClassicHttpResponse response = client.executeOpen(null, post, null);
			String prefix = null;
			HttpEntity entity = response.getEntity();
			if (entity != null) {
				try (InputStream in = entity.getContent()) {
					byte[] bytes = in.readNBytes(PREFIX);
					prefix = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
					if (in.read() != -1) {
						post.cancel(); // the rest is not wanted: drop the connection rather than read it
					}
				}
				catch (IOException ignored) {
					// the status code is what counts; a body cut short is fine
				}
			}
			Result result = new Result(response.getCode(), millis(start), null, prefix);
			try {
				response.close();
			}
			catch (IOException ignored) {
				// the answer is in; a connection that cannot be reused is discarded
			}
			return result;
		}
		catch (IOException | RuntimeException ex) {
			return new Result(null, millis(start), describe(ex, post.isCancelled()), null);
		}
		finally {
			deadline.cancel(false);
		}
	}

	private String describe(Exception ex, boolean cancelled) {
		if (ex instanceof TargetGuard.RefusedTargetException) {
			return "refused: " + ex.getMessage();
		}
		if (cancelled) {
			return "timeout: no complete answer within " + properties.deadline().toMillis() + " ms";
		}
		if (ex instanceof ConnectTimeoutException) {
			return "timeout: could not connect within " + properties.connectTimeout().toMillis() + " ms";
		}
		if (ex instanceof SocketTimeoutException) {
			return "timeout: no answer within " + properties.readTimeout().toMillis() + " ms";
		}
		String message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

	private static int millis(long start) {
		return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		client.close();
	}

}
