package io.petstore.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser, over plain HTTP: keeps cookies, does not follow redirects by itself (tests
 * follow them step by step and look at each), reads the hidden fields of the pages' forms and
 * submits them as a browser would.
 */
public final class Browser {

	private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public record Page(int status, String location, String body, URI uri, java.net.http.HttpHeaders headers) {

		/** The first value of a response header, or null. */
		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		/** The value of the named input of the page's forms (the first one), or null. */
		public String input(String name) {
			for (Map<String, String> input : inputs()) {
				if (name.equals(input.get("name"))) {
					return unescape(input.get("value"));
				}
			}
			return null;
		}

		/** Every {@code <input>} of the page, as its attributes. */
		public List<Map<String, String>> inputs() {
			List<Map<String, String>> inputs = new ArrayList<>();
			Matcher m = INPUT.matcher(body);
			while (m.find()) {
				Map<String, String> attributes = new LinkedHashMap<>();
				Matcher a = ATTRIBUTE.matcher(m.group(1));
				while (a.find()) {
					attributes.put(a.group(1).toLowerCase(), a.group(2));
				}
				inputs.add(attributes);
			}
			return inputs;
		}

		@Override
		public String toString() {
			return status + " " + uri + (location == null ? "" : " -> " + location) + "\n" + body;
		}

	}

	public Page get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	/** Submits a form (application/x-www-form-urlencoded); repeated names as a list of pairs. */
	public Page post(String url, List<String[]> fields) {
		StringBuilder form = new StringBuilder();
		for (String[] field : fields) {
			if (form.length() > 0) {
				form.append('&');
			}
			form.append(URLEncoder.encode(field[0], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	/** Follows redirects from {@code page} while they stay on {@code base} (not to a client's redirect URI). */
	public Page follow(Page page, String base) {
		Page current = page;
		for (int i = 0; i < 10 && current.location() != null && resolve(current).startsWith(base); i++) {
			current = get(resolve(current));
		}
		return current;
	}

	/** The redirect target of a page, made absolute. */
	public static String resolve(Page page) {
		return page.uri().resolve(page.location()).toString();
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body(),
					built.uri(), response.headers());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String unescape(String value) {
		return value == null ? null : value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&amp;", "&");
	}

}
