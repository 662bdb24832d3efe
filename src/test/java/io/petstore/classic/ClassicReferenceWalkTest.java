package io.petstore.classic;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Multipart;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 20 operations with valid, odd and invalid input in the default (reference) mode: the status
 * codes and body shapes (ApiResponse {@code code}, {@code type}, {@code message}; pets, orders,
 * users) that the reference server answered in docs/classic-v2-reference-observations.md (probe
 * ids in the comments). Where the reference answered a 5xx, this server answers 400 (a listed
 * deviation). The client does not validate against the document: the reference stores statuses
 * outside its enum and answers login with an ApiResponse where the document says string. Strict
 * mode: {@link ClassicStrictWalkTest}.
 */
class ClassicReferenceWalkTest extends io.petstore.support.IntegrationTest {

	private ApiClient raw;

	@BeforeEach
	void unvalidated() {
		raw = new ApiClient(base(), null, tenant);
	}

	@Test
	void petOperations() {
		// addPet (P20 P22 P29 P40 P43 P44 P41 P36)
		JsonNode pet = ok(raw.postJson("/v2/pet", "{\"id\":9001,\"name\":\"walk\",\"photoUrls\":[\"u\"],\"status\":\"available\"}"));
		assertThat(pet.get("id").asLong()).isEqualTo(9001);
		assertThat(pet.get("photoUrls").isArray()).isTrue();
		assertThat(pet.get("tags").isArray()).isTrue();
		JsonNode empty = ok(raw.postJson("/v2/pet", "{}"));
		assertThat(empty.get("id").asLong()).isPositive();
		assertThat(empty.get("photoUrls").size()).isZero();
		assertThat(ok(raw.postJson("/v2/pet", "{\"id\":9002,\"name\":\"w\",\"status\":\"weird\"}")).get("status").asString())
			.isEqualTo("weird");
		assertThat(ok(raw.postJson("/v2/pet", "{\"id\":9003,\"name\":\"n\",\"status\":5}")).get("status").asString()).isEqualTo("5");
		apiResponse(raw.postJson("/v2/pet", ""), 405, 405, "unknown");
		apiResponse(raw.postJson("/v2/pet", "null"), 405, 405, "unknown");
		apiResponse(raw.postJson("/v2/pet", "{"), 400, 400, "unknown");
		apiResponse(raw.postJson("/v2/pet", "{\"id\":\"abc\"}"), 400, 400, "unknown"); // the reference: 500
		// container errors without a message (P47 M04 P127)
		assertThat(raw.send("POST", "/v2/pet", "text/plain", "x").body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		assertThat(raw.get("/v2/pet").body()).isEqualTo("{\"code\":405,\"type\":\"unknown\"}");
		Reply xmlOnly = raw.get("/v2/store/inventory", "Accept", "application/xml");
		assertThat(xmlOnly.status()).isEqualTo(406);
		assertThat(xmlOnly.body()).endsWith("<apiResponse><type>unknown</type></apiResponse>");

		// updatePet (P60 P62 P69 P65)
		assertThat(ok(raw.putJson("/v2/pet", "{\"id\":9001,\"name\":\"walk 2\",\"photoUrls\":[]}")).get("name").asString())
			.isEqualTo("walk 2");
		assertThat(ok(raw.putJson("/v2/pet", "{\"id\":9004,\"name\":\"new by put\"}")).get("id").asLong()).isEqualTo(9004);
		assertThat(ok(raw.putJson("/v2/pet", "{\"id\":9004,\"name\":\"new by put\",\"status\":\"weird\"}")).get("status").asString()).isEqualTo("weird");
		apiResponse(raw.putJson("/v2/pet", ""), 405, 405, "unknown");

		// findPetsByStatus (P70 P73 P74 P75 P76)
		assertThat(ok(raw.get("/v2/pet/findByStatus?status=available")).size()).isPositive();
		assertThat(ok(raw.get("/v2/pet/findByStatus?status=xyz")).size()).isZero();
		assertThat(ok(raw.get("/v2/pet/findByStatus")).size()).isZero();
		assertThat(ok(raw.get("/v2/pet/findByStatus?status=")).size()).isZero();
		assertThat(ok(raw.get("/v2/pet/findByStatus?status=weird")).findValuesAsString("name")).containsExactlyInAnyOrder("w", "new by put");
		assertThat(raw.get("/v2/pet/findByStatus?status=xyz", "Accept", "application/xml").body()).contains("<pets");

		// findPetsByTags (P85 P92)
		assertThat(ok(raw.get("/v2/pet/findByTags?tags=tag1")).size()).isPositive();
		assertThat(ok(raw.get("/v2/pet/findByTags")).size()).isZero();

		// getPetById (P01 P09 P10 P11 P14 P15)
		assertThat(ok(raw.get("/v2/pet/1")).get("name").asString()).isEqualTo("Cat 1");
		notFound(raw.get("/v2/pet/424242"), "Pet not found");
		notFound(raw.get("/v2/pet/-1"), "Pet not found");
		apiResponse(raw.get("/v2/pet/abc"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/pet/1.5"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/pet/9223372036854775808"), 404, 404, "unknown");
		Reply abcXml = raw.get("/v2/pet/abc", "Accept", "application/xml");
		assertThat(abcXml.status()).isEqualTo(404);
		assertThat(abcXml.body()).contains("<apiResponse><message>").contains("<type>unknown</type></apiResponse>");

		// updatePetWithForm (P100 P103 P107 P108)
		assertThat(apiResponse(form("/v2/pet/9001", "name=formed"), 200, 200, "unknown").get("message").asString()).isEqualTo("9001");
		apiResponse(form("/v2/pet/9001", "status=weird2"), 200, 200, "unknown");
		assertThat(ok(raw.get("/v2/pet/9001")).get("status").asString()).isEqualTo("weird2");
		apiResponse(form("/v2/pet/424242", "name=x"), 404, 404, "unknown");
		apiResponse(form("/v2/pet/abc", "name=x"), 404, 404, "unknown");

		// uploadFile (P120 P124 P122)
		Multipart file = new Multipart().field("additionalMetadata", "m").file("file", "a.txt", "text/plain",
				"hello".getBytes(StandardCharsets.UTF_8));
		apiResponse(upload("/v2/pet/9001/uploadImage", file), 200, 200, "unknown");
		apiResponse(upload("/v2/pet/abc/uploadImage", file), 404, 404, "unknown");
		apiResponse(upload("/v2/pet/9001/uploadImage", new Multipart().field("additionalMetadata", "m")), 400, 400, "unknown"); // the reference: 500

		// deletePet (P130 P132 P134)
		assertThat(apiResponse(raw.delete("/v2/pet/9001"), 200, 200, "unknown").get("message").asString()).isEqualTo("9001");
		Reply gone = raw.delete("/v2/pet/9001");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body()).isEmpty();
		apiResponse(raw.delete("/v2/pet/abc"), 404, 404, "unknown");
	}

	@Test
	void storeOperations() {
		raw.postJson("/v2/pet", "{\"id\":9002,\"name\":\"w\",\"status\":\"weird\"}");
		// getInventory (S01 P30): every stored status is counted
		JsonNode inventory = ok(raw.get("/v2/store/inventory"));
		assertThat(inventory.get("available").asInt()).isEqualTo(7);
		assertThat(inventory.get("weird").asInt()).isEqualTo(1);

		// placeOrder (S30 S43 S45 S46 S55 S47 S48)
		JsonNode order = ok(raw.postJson("/v2/store/order", "{\"id\":77,\"petId\":1,\"quantity\":2,\"status\":\"placed\"}"));
		assertThat(order.get("complete").asBoolean()).isFalse();
		assertThat(ok(raw.postJson("/v2/store/order", "{\"id\":78,\"petId\":1,\"status\":\"pending\"}")).get("status").asString())
			.isEqualTo("pending");
		assertThat(ok(raw.postJson("/v2/store/order", "{\"id\":79,\"petId\":1,\"quantity\":-3}")).get("quantity").asInt()).isEqualTo(-3);
		assertThat(ok(raw.postJson("/v2/store/order", "{\"petId\":1}")).get("id").asLong()).isPositive();
		apiResponse(raw.postJson("/v2/store/order", ""), 400, 1, "error");
		apiResponse(raw.postJson("/v2/store/order", "null"), 400, 1, "error");
		apiResponse(raw.postJson("/v2/store/order", "{"), 400, 400, "unknown");
		apiResponse(raw.postJson("/v2/store/order", "{\"id\":\"abc\"}"), 400, 400, "unknown"); // the reference: 500

		// getOrderById (S10 S14 S18 S93)
		assertThat(ok(raw.get("/v2/store/order/78")).get("status").asString()).isEqualTo("pending");
		assertThat(ok(raw.get("/v2/store/order/1")).get("petId").asLong()).isEqualTo(1);
		notFound(raw.get("/v2/store/order/424242"), "Order not found");
		apiResponse(raw.get("/v2/store/order/abc"), 404, 404, "unknown");

		// deleteOrder (S70 S72 S74)
		assertThat(apiResponse(raw.delete("/v2/store/order/77"), 200, 200, "unknown").get("message").asString()).isEqualTo("77");
		apiResponse(raw.delete("/v2/store/order/77"), 404, 404, "unknown");
		apiResponse(raw.delete("/v2/store/order/-1"), 404, 404, "unknown");
		apiResponse(raw.delete("/v2/store/order/abc"), 404, 404, "unknown");
	}

	@Test
	void userOperations() {
		String walker = "{\"id\":8001,\"username\":\"walker\",\"firstName\":\"W\",\"password\":\"pw 1\",\"userStatus\":1}";
		// createUser (U05 U10 U11 U12)
		assertThat(apiResponse(raw.postJson("/v2/user", walker), 200, 200, "unknown").get("message").asString()).isEqualTo("8001");
		assertThat(apiResponse(raw.postJson("/v2/user", "{\"id\":8002,\"firstName\":\"nameless\"}"), 200, 200, "unknown")
			.get("message").asString()).isEqualTo("8002");
		apiResponse(raw.postJson("/v2/user", ""), 405, 405, "unknown");
		apiResponse(raw.postJson("/v2/user", "{"), 400, 400, "unknown");

		// createUsersWithArrayInput / createUsersWithListInput (U70 U71 U74 U78 U85 U89 U92 U75)
		for (String batch : new String[] { "/v2/user/createWithArray", "/v2/user/createWithList" }) {
			assertThat(apiResponse(raw.postJson(batch, "[]"), 200, 200, "unknown").get("message").asString()).isEqualTo("ok");
			apiResponse(raw.postJson(batch, "[{\"username\":\"b" + batch.length() + "\"},{\"firstName\":\"skipped\"}]"), 200, 200, "unknown");
			apiResponse(raw.postJson(batch, ""), 405, 405, "unknown");
			apiResponse(raw.postJson(batch, "[null]"), 400, 400, "unknown"); // the reference: 500
		}
		ok(raw.get("/v2/user/b24")); // "/v2/user/createWithArray".length()
		ok(raw.get("/v2/user/b23"));

		// loginUser (U50 U52): nothing checked, an ApiResponse
		Reply login = raw.get("/v2/user/login?username=walker&password=wrong");
		assertThat(apiResponse(login, 200, 200, "unknown").get("message").asString()).startsWith("logged in user session:");
		assertThat(login.header("X-Rate-Limit")).isEqualTo("5000");
		apiResponse(raw.get("/v2/user/login"), 200, 200, "unknown");

		// logoutUser (U60)
		assertThat(apiResponse(raw.get("/v2/user/logout"), 200, 200, "unknown").get("message").asString()).isEqualTo("ok");

		// getUserByName (U01 U06 U03): the password as sent
		JsonNode user = ok(raw.get("/v2/user/walker"));
		assertThat(user.get("password").asString()).isEqualTo("pw 1");
		assertThat(ok(raw.get("/v2/user/user1")).get("password").asString()).isEqualTo("XXXXXXXXXXX");
		notFound(raw.get("/v2/user/nobody"), "User not found");

		// updateUser (U30 U32 U37)
		assertThat(apiResponse(raw.putJson("/v2/user/walker", walker.replace("\"W\"", "\"W2\"")), 200, 200, "unknown")
			.get("message").asString()).isEqualTo("8001");
		assertThat(apiResponse(raw.putJson("/v2/user/unknown-walker", "{\"id\":8003,\"username\":\"stored-by-put\"}"), 200, 200,
				"unknown").get("message").asString()).isEqualTo("8003");
		ok(raw.get("/v2/user/stored-by-put"));
		apiResponse(raw.putJson("/v2/user/walker", ""), 405, 405, "unknown");

		// deleteUser (U100 U103)
		assertThat(apiResponse(raw.delete("/v2/user/walker"), 200, 200, "unknown").get("message").asString()).isEqualTo("walker");
		Reply gone = raw.delete("/v2/user/walker");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body()).isEmpty();
	}

	/** The reference's routing: OPTIONS, TRACE, trailing slashes, literal paths, path ids as Long.parseLong reads them. */
	@Test
	void routingAsTheReference() {
		// OPTIONS: 204 with the reference's Allow (M02 M03 M17 M18 M31), a CORS preflight too
		Reply options = raw.send("OPTIONS", "/v2/pet/1", null, (String) null);
		assertThat(options.status()).isEqualTo(204);
		assertThat(options.header("Allow")).isEqualTo("OPTIONS,HEAD,DELETE,POST,GET");
		assertThat(options.body()).isEmpty();
		assertThat(raw.send("OPTIONS", "/v2/pet", null, (String) null).header("Allow")).isEqualTo("OPTIONS,POST,PUT");
		assertThat(raw.send("OPTIONS", "/v2/user/login", null, (String) null).header("Allow")).isEqualTo("OPTIONS,HEAD,GET");
		assertThat(raw.send("OPTIONS", "/v2/user/user1", null, (String) null).header("Allow")).isEqualTo("OPTIONS,HEAD,DELETE,GET,PUT");
		assertThat(raw.send("OPTIONS", "/v2/store/order/abc", null, (String) null).header("Allow")).isEqualTo("OPTIONS,HEAD,DELETE,GET");
		assertThat(raw.send("OPTIONS", "/v2/user/", null, (String) null).header("Allow")).isEqualTo("OPTIONS,POST");
		Reply preflight = raw.send("OPTIONS", "/v2/pet/1", null, (String) null, "Origin", "http://editor.example",
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,api_key");
		assertThat(preflight.status()).isEqualTo(204);
		assertThat(preflight.header("Allow")).isEqualTo("OPTIONS,HEAD,DELETE,POST,GET");
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNotNull();
		// TRACE (M32): 403, empty
		Reply trace = raw.send("TRACE", "/v2/pet/1", null, (String) null);
		assertThat(trace.status()).isEqualTo(403);
		assertThat(trace.body()).isEmpty();

		// one trailing slash is ignored (P16 U112)
		assertThat(ok(raw.get("/v2/pet/1/")).get("name").asString()).isEqualTo("Cat 1");
		assertThat(ok(raw.get("/v2/store/inventory/")).get("available").isNumber()).isTrue();
		assertThat(ok(raw.get("/v2/user/user1/")).get("username").asString()).isEqualTo("user1");
		assertThat(ok(raw.postJson("/v2/pet/", "{\"id\":9101,\"name\":\"slash\"}")).get("id").asLong()).isEqualTo(9101);
		assertThat(apiResponse(raw.delete("/v2/pet/9101/"), 200, 200, "unknown").get("message").asString()).isEqualTo("9101");
		assertThat(raw.get("/v2/pet/").body()).isEqualTo("{\"code\":405,\"type\":\"unknown\"}");
		assertThat(raw.get("/v2/user/").body()).isEqualTo("{\"code\":405,\"type\":\"unknown\"}");

		// a literal path is not a template's value: 405, as the reference (and nothing deleted or stored)
		assertThat(raw.delete("/v2/user/login").body()).isEqualTo("{\"code\":405,\"type\":\"unknown\"}");
		assertThat(raw.get("/v2/user/createWithArray").status()).isEqualTo(405);
		assertThat(raw.putJson("/v2/user/logout", "{\"id\":9102,\"username\":\"u9102\"}").status()).isEqualTo(405);
		notFound(raw.get("/v2/user/u9102"), "User not found");
		assertThat(form("/v2/pet/findByStatus", "name=x").status()).isEqualTo(405);
		assertThat(raw.delete("/v2/pet/findByTags").status()).isEqualTo(405);

		// path ids as Long.parseLong reads them (P157 P158 P159): blanks and hex prefixes are not ids
		apiResponse(raw.get("/v2/pet/%202"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/pet/2%20"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/pet/0x2"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/pet/%232"), 404, 404, "unknown");
		apiResponse(raw.get("/v2/store/order/%201"), 404, 404, "unknown");
		apiResponse(raw.delete("/v2/pet/%20999"), 404, 404, "unknown");
		assertThat(ok(raw.get("/v2/pet/+2")).get("id").asLong()).isEqualTo(2);
		assertThat(ok(raw.get("/v2/pet/0002")).get("id").asLong()).isEqualTo(2);
		notFound(raw.get("/v2/pet/-9223372036854775808"), "Pet not found");
		apiResponse(raw.get("/v2/pet/-9223372036854775809"), 404, 404, "unknown");
	}

	/** The reference's media types: bodies it refuses or reads, XML as JAXB writes it, text/xml errors. */
	@Test
	void mediaTypesAsTheReference() {
		// text/xml is not a pet body (P145); the order and user operations read it
		String xmlPet = "<Pet><id>9201</id><name>x</name></Pet>";
		assertThat(raw.send("POST", "/v2/pet", "text/xml", xmlPet).body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		assertThat(raw.send("PUT", "/v2/pet", "text/xml", xmlPet).body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		assertThat(ok(raw.send("POST", "/v2/pet", "application/xml", xmlPet)).get("id").asLong()).isEqualTo(9201);
		assertThat(ok(raw.send("POST", "/v2/store/order", "text/xml", "<Order><id>9202</id><petId>1</petId></Order>")).get("id")
			.asLong()).isEqualTo(9202);
		apiResponse(raw.send("POST", "/v2/user", "text/xml", "<User><id>9203</id><username>u9203</username></User>"), 200, 200, "unknown");
		// multipart: 415 everywhere; the order and user operations' 415 carries a message (the reference's body reader's)
		Multipart nameOnly = new Multipart().field("name", "multi");
		assertThat(upload("/v2/pet", nameOnly).body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		apiResponse(upload("/v2/user", nameOnly), 415, 415, "unknown");
		apiResponse(upload("/v2/store/order", nameOnly), 415, 415, "unknown");
		apiResponse(raw.send("POST", "/v2/user", "application/x-www-form-urlencoded", "name=x"), 415, 415, "unknown");

		// updatePetWithForm (P111 P151): multipart 415; no Content-Type is read as a form, an empty one too
		assertThat(upload("/v2/pet/9201", nameOnly).body()).isEqualTo("{\"code\":415,\"type\":\"unknown\"}");
		assertThat(ok(raw.get("/v2/pet/9201")).get("name").asString()).isEqualTo("x");
		assertThat(apiResponse(raw.send("POST", "/v2/pet/9201", null, ""), 200, 200, "unknown").get("message").asString()).isEqualTo("9201");
		assertThat(apiResponse(raw.send("POST", "/v2/pet/9201", null, (String) null), 200, 200, "unknown").get("message").asString())
			.isEqualTo("9201");
		apiResponse(raw.send("POST", "/v2/pet/9201", null, "name=untyped&status=sold"), 200, 200, "unknown");
		JsonNode untyped = ok(raw.get("/v2/pet/9201"));
		assertThat(untyped.get("name").asString()).isEqualTo("untyped");
		assertThat(untyped.get("status").asString()).isEqualTo("sold");
		apiResponse(form("/v2/pet/9201", ""), 200, 200, "unknown");
		apiResponse(raw.send("POST", "/v2/pet/424242", null, ""), 404, 404, "unknown");
		assertThat(raw.send("POST", "/v2/pet/9201", "application/octet-stream", "name=x").body())
			.isEqualTo("{\"code\":415,\"type\":\"unknown\"}");

		// uploadImage: a 'file' part without a filename is a file too (200, as the reference)
		apiResponse(upload("/v2/pet/9201/uploadImage", new Multipart().field("file", "no filename")), 200, 200, "unknown");

		// XML as JAXB writes it (P154): double-quoted declaration, an empty list open and closed
		String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
		Reply petXml = raw.get("/v2/pet/1", "Accept", "application/xml");
		assertThat(petXml.body()).startsWith(declaration + "<Pet><category>");
		assertThat(raw.get("/v2/pet/findByStatus?status=xyz", "Accept", "application/xml").body()).isEqualTo(declaration + "<pets></pets>");
		assertThat(raw.get("/v2/pet/findByTags?tags=nothing", "Accept", "application/xml").body()).isEqualTo(declaration + "<pets></pets>");
		assertThat(raw.get("/v2/pet/findByStatus?status=sold", "Accept", "application/xml").body()).startsWith(declaration + "<pets><Pet>");
		assertThat(raw.postJson("/v2/pet", "{\"id\":9204,\"name\":\"e\",\"photoUrls\":[],\"tags\":[]}", "Accept", "application/xml").body())
			.isEqualTo(declaration + "<Pet><id>9204</id><name>e</name><photoUrls/><tags/></Pet>");

		// Accept: text/xml (M36) or text/*: 406 typed text/xml, without a message
		for (String accept : new String[] { "text/xml", "text/*" }) {
			Reply textXml = raw.get("/v2/pet/1", "Accept", accept);
			assertThat(textXml.status()).isEqualTo(406);
			assertThat(textXml.contentType()).isEqualTo("text/xml");
			assertThat(textXml.body()).isEqualTo(declaration + "<apiResponse><type>unknown</type></apiResponse>");
		}
		Reply unknownPath = raw.get("/v2/nope", "Accept", "text/xml");
		assertThat(unknownPath.status()).isEqualTo(404);
		assertThat(unknownPath.contentType()).isEqualTo("text/xml");
	}

	private Reply form(String path, String body) {
		return raw.send("POST", path, "application/x-www-form-urlencoded", body);
	}

	private Reply upload(String path, Multipart body) {
		return raw.send("POST", path, body.contentType(), BodyPublishers.ofByteArray(body.bytes()));
	}

	static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/json");
		return reply.json();
	}

	/** The not-found ApiResponse of the reads: {@code {"code":1,"type":"error","message":...}}. */
	static void notFound(Reply reply, String message) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
		assertThat(reply.body()).isEqualTo("{\"code\":1,\"type\":\"error\",\"message\":\"" + message + "\"}");
	}

	/** An ApiResponse in JSON with this status, code and type, and a message. */
	static JsonNode apiResponse(Reply reply, int status, int code, String type) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/json");
		JsonNode body = reply.json();
		assertThat(body.get("code").asInt()).as(reply.toString()).isEqualTo(code);
		assertThat(body.get("type").asString()).as(reply.toString()).isEqualTo(type);
		assertThat(body.get("message").isString()).as(reply.toString()).isTrue();
		assertThat(body.size()).as(reply.toString()).isEqualTo(3);
		return body;
	}

}
