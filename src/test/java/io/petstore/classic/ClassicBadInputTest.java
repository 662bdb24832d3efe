package io.petstore.classic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.petstore.support.RawHttp;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx with an ApiResponse body, never a 5xx, and stored data is unchanged. */
class ClassicBadInputTest extends io.petstore.support.IntegrationTest {

	private static final String PET_1 = "/v2/pet/1";

	@Test
	void malformedJson() {
		String before = api.get(PET_1).body();
		Reply reply = api.putJson("/v2/pet", "{\"id\":1,\"name\":\"broken\"");
		assertClientError(reply, 400, "Malformed");
		assertThat(api.postJson("/v2/pet", "{\"id\":1} trailing").status()).isEqualTo(400);
		assertThat(api.get(PET_1).body()).isEqualTo(before);
	}

	@Test
	void wrongTypes() {
		String before = api.get(PET_1).body();
		assertClientError(api.putJson("/v2/pet", "{\"id\":\"abc\",\"name\":\"x\"}"), 400, "'id'");
		assertClientError(api.putJson("/v2/pet", "{\"id\":1,\"photoUrls\":\"not an array\"}"), 400, "photoUrls");
		assertClientError(api.putJson("/v2/pet", "[{\"id\":1}]"), 400, "");
		assertClientError(api.putJson("/v2/pet", "{\"id\":1,\"category\":[1,2]}"), 400, "category");
		assertThat(api.get(PET_1).body()).isEqualTo(before);
	}

	@Test
	void idsOutOfRange() {
		assertClientError(api.putJson("/v2/pet", "{\"id\":99999999999999999999,\"name\":\"x\"}"), 400, "out of range");
		// as the reference: a path id that is no 64-bit integer is a 404 {"code":404,"type":"unknown",...}
		assertClientError(api.get("/v2/pet/99999999999999999999"), 404, "petId");
		assertClientError(api.get("/v2/pet/abc"), 404, "petId");
		assertClientError(api.get("/v2/store/order/1.5"), 404, "orderId");
		assertClientError(api.postJson("/v2/store/order", "{\"petId\":1,\"quantity\":3000000000}"), 400, "out of range");
		assertThat(api.get("/v2/pet/-10000").status()).isEqualTo(404);
	}

	/** As the reference, a status outside the enum is stored (strict mode refuses it: ClassicReferenceWalkTest). */
	@Test
	void unknownEnumValuesAreStored() {
		var unvalidated = new io.petstore.support.ApiClient(base(), null, tenant); // the document lists the enum
		assertThat(unvalidated.putJson("/v2/pet", "{\"id\":1,\"name\":\"x\",\"status\":\"lost\"}").status()).isEqualTo(200);
		assertThat(unvalidated.get(PET_1).json().get("status").asString()).isEqualTo("lost");
	}

	@Test
	void malformedXmlAndWrongRoot() {
		String before = api.get(PET_1).body();
		assertClientError(api.send("PUT", "/v2/pet", "application/xml", "<Pet><id>1</id><name>x</Pet>"), 400, "");
		assertClientError(api.send("PUT", "/v2/pet", "application/xml", "<Pet><id>abc</id></Pet>"), 400, "id");
		assertThat(api.get(PET_1).body()).isEqualTo(before);
	}

	@Test
	void xmlExternalEntitiesAreNeverResolved() throws Exception {
		Path secret = Files.createTempFile("petstore-xxe", ".txt");
		Files.writeString(secret, "TOP-SECRET-CONTENT");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Pet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<Pet><id>4242</id><name>&xxe;</name></Pet>";
		Reply reply = api.send("POST", "/v2/pet", "application/xml", xxe, "Accept", "application/json");
		assertClientError(reply, 400, "DTD");
		assertThat(reply.body()).doesNotContain("TOP-SECRET");
		Reply stored = api.get("/v2/pet/4242");
		assertThat(stored.status()).isEqualTo(404);

		String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
				+ "<Pet><id>4243</id><name>&lol2;</name></Pet>";
		assertThat(api.send("POST", "/v2/pet", "application/xml", billionLaughs).status()).isEqualTo(400);
		assertThat(api.get("/v2/pet/4243").status()).isEqualTo(404);
	}

	@Test
	void bodiesOverTheLimitAre413() throws Exception {
		String huge = "{\"id\":1,\"name\":\"" + "x".repeat(1_100_000) + "\"}";
		String before = api.get(PET_1).body();
		// raw sockets: the server answers 413 and closes while the client is still sending, which
		// the JDK's HTTP client sometimes reports as a reset instead of the response
		String declared = RawHttp.exchange(port, tenant, "PUT", "/v2/pet", "application/json", huge.getBytes(StandardCharsets.UTF_8), false);
		assertThat(declared).startsWith("HTTP/1.1 413 Payload Too Large").contains("\"code\":413").contains("larger than");

		String streamed = RawHttp.exchange(port, tenant, "PUT", "/v2/pet", "application/json", huge.getBytes(StandardCharsets.UTF_8), true);
		assertThat(streamed).startsWith("HTTP/1.1 413 Payload Too Large").contains("\"code\":413").contains("larger than");
		assertThat(api.get(PET_1).body()).isEqualTo(before);
	}

	@Test
	void formsOverTheLimitAre413AndMalformedQueriesAre400() throws Exception {
		String before = api.get(PET_1).body();
		String form = RawHttp.exchange(port, tenant, "POST", PET_1, "application/x-www-form-urlencoded",
				("name=" + "a".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII), false);
		assertThat(form).startsWith("HTTP/1.1 413 ").contains("\"code\":413").contains("form too large");
		String query = RawHttp.exchange(port, tenant, "GET", "/v2/pet/findByStatus?status=%ZZ", null, null, false);
		assertThat(query).startsWith("HTTP/1.1 400 ").contains("\"code\":400");
		assertThat(api.get(PET_1).body()).isEqualTo(before);
	}

	@Test
	void valuesTooLongForTheirColumnAre400() {
		Reply reply = api.postJson("/v2/pet", "{\"id\":4244,\"name\":\"" + "n".repeat(5000) + "\"}");
		assertClientError(reply, 400, "too long");
		assertThat(api.get("/v2/pet/4244").status()).isEqualTo(404);
	}

	@Test
	void unsupportedMediaTypeIs415() {
		// as the reference: {"code":415,"type":"unknown"}, no message
		assertThat(api.send("POST", "/v2/pet", "text/plain", "id=1").body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		assertThat(api.send("POST", "/v2/pet/1", "application/json", "{\"name\":\"x\"}").body())
			.isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
	}

	@Test
	void unmetAcceptIs406WithAJsonBody() {
		Reply reply = api.get(PET_1, "Accept", "text/plain");
		assertThat(reply.status()).isEqualTo(406);
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.body()).isEqualTo("{\"code\":406,\"type\":\"unknown\"}"); // as the reference
	}

	@Test
	void wrongMethodIs405WithAllow() {
		Reply reply = api.get("/v2/pet");
		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.body()).isEqualTo("{\"code\":405,\"type\":\"unknown\"}"); // as the reference
		assertThat(reply.header("Allow")).contains("POST").contains("PUT");
		assertThat(api.send("PATCH", PET_1, "application/json", "{}").status()).isEqualTo(405);
	}

	@Test
	void unknownPathIs404WithApiResponse() {
		assertClientError(api.get("/v2/kennel"), 404, "/v2/kennel");
	}

	@Test
	void invalidTenantHeaderIs400() {
		assertClientError(api.get(PET_1, "X-Tenant-ID", "not-a-uuid"), 400, "X-Tenant-ID");
	}

	/** As the reference: 405 "no data" (placeOrder: 400 {"code":1,"type":"error","message":"No data"}). */
	@Test
	void missingBodyIs405NoData() {
		assertClientError(api.send("POST", "/v2/pet", "application/json", ""), 405, "no data");
		assertClientError(api.send("POST", "/v2/pet", "application/json", "null"), 405, "no data");
		assertClientError(api.send("POST", "/v2/user", "application/json", ""), 405, "no data");
		Reply order = api.send("POST", "/v2/store/order", "application/json", "");
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.body()).isEqualTo("{\"code\":1,\"type\":\"error\",\"message\":\"No data\"}");
	}

	private static void assertClientError(Reply reply, int status, String messagePart) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/json");
		assertThat(reply.json().get("code").asInt()).isEqualTo(status);
		assertThat(reply.json().get("message").asString()).contains(messagePart);
	}

}
