package io.petstore.classic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.petstore.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every classic operation against a catalogue of malformed bodies, content types and Accept
 * headers: the answer is never a 5xx (nor a dropped connection).
 */
class ClassicNeverFailsTest extends io.petstore.support.IntegrationTest {

	private static final String[][] OPERATIONS = { { "POST", "/v2/pet" }, { "PUT", "/v2/pet" },
			{ "GET", "/v2/pet/findByStatus?status=x" }, { "GET", "/v2/pet/findByStatus?status=%ZZ" }, { "GET", "/v2/pet/findByTags?tags=" }, { "GET", "/v2/pet/1" },
			{ "POST", "/v2/pet/1" }, { "DELETE", "/v2/pet/99" }, { "POST", "/v2/pet/1/uploadImage" },
			{ "GET", "/v2/store/inventory" }, { "POST", "/v2/store/order" }, { "GET", "/v2/store/order/1" },
			{ "DELETE", "/v2/store/order/99" }, { "POST", "/v2/user" }, { "POST", "/v2/user/createWithArray" },
			{ "POST", "/v2/user/createWithList" }, { "GET", "/v2/user/login?username=a&password=b" },
			{ "GET", "/v2/user/logout" }, { "GET", "/v2/user/user1" }, { "PUT", "/v2/user/user2" },
			{ "DELETE", "/v2/user/nobody" }, { "POST", "/admin/reset" }, { "GET", "/v2/pet/1/images/not-a-uuid" } };

	private static final String[] BODIES = { "", "{", "null", "[]", "[null]", "[1,2]", "\"str\"", "123", "true",
			"{\"id\":null}", "{\"id\":-1,\"name\":null,\"photoUrls\":null,\"tags\":[null,{}]}", "{\"id\":1.5}",
			"{\"category\":\"x\"}", "{\"tags\":[{\"id\":\"a\"}]}", "{\"status\":\"\"}", "{\"shipDate\":\"2024-13-45T99:99:99Z\"}",
			"{\"quantity\":1e10}", "{\"complete\":\"yes\"}", "{\"userStatus\":\"x\"}", "{\"username\":\"\"}",
			"[{\"username\":null}]", "{\"username\":\"" + "u".repeat(300) + "\"}", "<Pet/>", "<Pet><id>x</id></Pet>", "<users/>",
			"<?xml version=\"1.0\"?>", "\u0000\u0001\u0002", "{\"a\":".repeat(600) + "1" + "}".repeat(600) };

	private static final String[] CONTENT_TYPES = { "application/json", "application/xml", "text/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "text/plain",
			"application/json; charset=latin1" };

	private static final String[] ACCEPTS = { "application/json", "application/xml", "text/plain", "*/*", "application/json;q=0",
			"garbage///" };

	@Test
	void malformedRequestsNeverGetA5xx() throws Exception {
		List<String> failures = new ArrayList<>();
		int i = 0;
		for (String[] op : OPERATIONS) {
			for (String body : BODIES) {
				String contentType = CONTENT_TYPES[i % CONTENT_TYPES.length];
				String accept = ACCEPTS[(i / CONTENT_TYPES.length) % ACCEPTS.length];
				i++;
				// a connection per request: the server may close one after refusing a request
				String response = RawHttp.exchange(port, tenant, op[0], op[1], contentType + "\r\nAccept: " + accept,
						body.getBytes(StandardCharsets.UTF_8), false);
				int status = response.length() > 12 ? Integer.parseInt(response.substring(9, 12)) : -1;
				if (status >= 500 || status < 0) {
					failures.add(status + " for " + op[0] + " " + op[1] + " " + contentType + " accept " + accept + ": "
							+ body.substring(0, Math.min(40, body.length())));
				}
			}
		}
		assertThat(failures).as(i + " requests").isEmpty();
	}

}
