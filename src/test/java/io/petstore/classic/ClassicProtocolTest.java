package io.petstore.classic;


import org.junit.jupiter.api.Test;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Wire details generated clients check: status line reason phrases, exact Content-Type, CORS, HEAD. */
class ClassicProtocolTest extends io.petstore.support.IntegrationTest {

	@Test
	void statusLinesCarryAReasonPhrase() throws Exception {
		assertThat(statusLine("GET /v2/pet/-10000")).isEqualTo("HTTP/1.1 404 Not Found");
		assertThat(statusLine("GET /v2/pet/1")).isEqualTo("HTTP/1.1 200 OK");
		assertThat(statusLine("GET /v2/pet/abc")).isEqualTo("HTTP/1.1 404 Not Found"); // as the reference
		assertThat(statusLine("DELETE /v2/pet")).isEqualTo("HTTP/1.1 405 Method Not Allowed");
	}

	@Test
	void jsonIsServedAsApplicationJsonWithoutCharsetAndStartsWithId() {
		Reply reply = api.get("/v2/pet/1");
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.body()).startsWith("{\"id\":");
		assertThat(api.get("/v2/pet/31337").contentType()).isEqualTo("application/json");
	}

	@Test
	void corsAllowsBrowsersOnOtherOrigins() {
		Reply preflight = api.send("OPTIONS", "/v2/pet", null, (String) null, "Origin", "https://editor.swagger.io",
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,api_key");
		assertThat(preflight.status()).isEqualTo(204); // the reference's status for OPTIONS; browsers take any 2xx
		assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", "https://editor.swagger.io");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT");
		Reply get = api.get("/v2/pet/1", "Origin", "https://editor.swagger.io");
		assertThat(get.header("Access-Control-Allow-Origin")).isNotNull();
	}

	@Test
	void anyCredentialsAreAcceptedAndIgnoredByDefault() {
		assertThat(api.get("/v2/pet/1", "api_key", "YOUR API KEY").status()).isEqualTo(200);
		assertThat(api.get("/v2/store/inventory", "Authorization", "Bearer ACCESS_TOKEN").status()).isEqualTo(200);
		assertThat(api.delete("/v2/pet/2", "api_key", "empty api key", "Authorization", "Bearer x.y.z").status()).isEqualTo(200);
	}

	@Test
	void headWorksOnReadOperations() {
		Reply head = api.send("HEAD", "/v2/pet/1", null, (String) null);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.contentType()).isEqualTo("application/json");
		assertThat(head.body()).isEmpty();
	}

	private String statusLine(String requestLine) throws Exception {
		String[] parts = requestLine.split(" ");
		String response = io.petstore.support.RawHttp.exchange(port, tenant, parts[0], parts[1], null, null, false);
		return response.substring(0, response.indexOf("\r\n"));
	}

}
