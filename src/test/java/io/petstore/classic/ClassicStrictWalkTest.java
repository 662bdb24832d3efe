package io.petstore.classic;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.Multipart;
import io.petstore.support.Reply;

import static io.petstore.classic.ClassicReferenceWalkTest.apiResponse;
import static io.petstore.classic.ClassicReferenceWalkTest.notFound;
import static io.petstore.classic.ClassicReferenceWalkTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk of {@link ClassicReferenceWalkTest} with {@code petstore.classic.mode=strict}: the
 * document's rules (405 "Invalid input" / "Validation exception" for pets it cannot take, 400
 * elsewhere, required fields and enums checked, no password returned, the declared security
 * enforced). Every answer is validated against the served document.
 */
@TestPropertySource(properties = { "petstore.classic.mode=strict", "petstore.classic.api-key=walk-key" })
class ClassicStrictWalkTest extends io.petstore.support.IntegrationTest {

	@BeforeEach
	void signIn() {
		String username = "walk" + Long.toHexString(System.nanoTime());
		Reply user = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Wal\",\"lastName\":\"Ker\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		api.withToken(user.json().get("token").asString()).withHeader("api_key", "walk-key");
		raw = new ApiClient(base(), null, tenant).withToken(user.json().get("token").asString()).withHeader("api_key", "walk-key");
	}

	/** The signed-in caller, without the document's validation (for requests outside it). */
	private ApiClient raw;

	/**
	 * Where reference mode follows the reference's routing and media types, strict mode keeps the
	 * document's: no trailing slash, the framework's OPTIONS, text/xml and a missing Content-Type
	 * refused where the document does not list them. Both modes: literal paths, ids as
	 * {@code Long.parseLong} reads them, text/xml errors, JAXB's XML declaration.
	 */
	@Test
	void routingAndMediaTypesFollowTheDocument() {
		assertThat(raw.send("OPTIONS", "/v2/pet/1", null, (String) null).status()).isEqualTo(200);
		assertThat(raw.get("/v2/pet/1/").status()).isEqualTo(404);
		assertThat(raw.delete("/v2/user/login").status()).isEqualTo(405);
		apiResponse(raw.get("/v2/pet/%202"), 400, 400, "unknown");
		apiResponse(raw.get("/v2/pet/0x2"), 400, 400, "unknown");
		assertThat(ok(raw.get("/v2/pet/+2")).get("id").asLong()).isEqualTo(2);
		apiResponse(raw.send("POST", "/v2/pet", "text/xml", "<Pet><id>9201</id><name>x</name></Pet>"), 415, 415, "unknown");
		apiResponse(raw.send("POST", "/v2/pet/1", null, "name=x"), 415, 415, "unknown");
		Multipart multipart = new Multipart().field("name", "multi");
		apiResponse(raw.send("POST", "/v2/pet/1", multipart.contentType(), BodyPublishers.ofByteArray(multipart.bytes())), 200, 200,
				"unknown");
		Reply textXml = raw.get("/v2/pet/1", "Accept", "text/xml");
		assertThat(textXml.status()).isEqualTo(406);
		assertThat(textXml.contentType()).isEqualTo("text/xml");
		assertThat(raw.get("/v2/pet/findByStatus?status=sold", "Accept", "application/xml").body())
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><pets><Pet>");
	}

	@Test
	void securityIsEnforced() {
		var anonymous = clientFor(tenant);
		assertThat(anonymous.get("/v2/pet/1").status()).isEqualTo(401);
		assertThat(anonymous.get("/v2/pet/findByStatus?status=available").status()).isEqualTo(401);
		assertThat(anonymous.get("/v2/store/inventory").status()).isEqualTo(401);
	}

	@Test
	void petOperations() {
		ok(api.postJson("/v2/pet", "{\"id\":9001,\"name\":\"walk\",\"photoUrls\":[\"u\"],\"status\":\"available\"}"));
		apiResponse(api.postJson("/v2/pet", "{}"), 405, 405, "unknown");
		apiResponse(api.postJson("/v2/pet", "{\"id\":9002,\"name\":\"w\"}"), 405, 405, "unknown");
		apiResponse(api.postJson("/v2/pet", "{\"id\":9002,\"name\":\"w\",\"photoUrls\":[],\"status\":\"weird\"}"), 405, 405, "unknown");
		apiResponse(api.postJson("/v2/pet", ""), 405, 405, "unknown");
		apiResponse(api.postJson("/v2/pet", "{"), 405, 405, "unknown");
		assertThat(api.get("/v2/pet/9002").status()).isEqualTo(404);

		ok(api.putJson("/v2/pet", "{\"id\":9001,\"name\":\"walk 2\",\"photoUrls\":[],\"status\":\"sold\"}"));
		assertThat(apiResponse(api.putJson("/v2/pet", "{\"id\":9001,\"name\":\"x\",\"photoUrls\":[],\"status\":\"weird\"}"), 405, 405,
				"unknown").get("message").asString()).startsWith("Validation exception");
		assertThat(ok(api.get("/v2/pet/9001")).get("status").asString()).isEqualTo("sold");

		assertThat(ok(api.get("/v2/pet/findByStatus?status=available")).size()).isPositive();
		apiResponse(api.get("/v2/pet/findByStatus?status=xyz"), 400, 400, "unknown");
		apiResponse(api.get("/v2/pet/findByStatus"), 400, 400, "unknown");
		assertThat(ok(api.get("/v2/pet/findByTags?tags=tag1")).size()).isPositive();

		notFound(api.get("/v2/pet/424242"), "Pet not found");
		apiResponse(api.get("/v2/pet/abc"), 400, 400, "unknown");
		apiResponse(api.get("/v2/pet/9223372036854775808"), 400, 400, "unknown");

		apiResponse(form("/v2/pet/9001", "name=formed"), 200, 200, "unknown");
		apiResponse(form("/v2/pet/9001", "status=weird2"), 405, 405, "unknown");
		notFound(form("/v2/pet/424242", "name=x"), "Pet not found");
		apiResponse(form("/v2/pet/abc", "name=x"), 400, 400, "unknown");

		Multipart file = new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
		apiResponse(api.send("POST", "/v2/pet/9001/uploadImage", file.contentType(), BodyPublishers.ofByteArray(file.bytes())), 200,
				200, "unknown");
		apiResponse(api.send("POST", "/v2/pet/abc/uploadImage", file.contentType(), BodyPublishers.ofByteArray(file.bytes())), 400,
				400, "unknown");

		apiResponse(api.delete("/v2/pet/9001"), 200, 200, "unknown");
		notFound(api.delete("/v2/pet/9001"), "Pet not found");
		apiResponse(api.delete("/v2/pet/abc"), 400, 400, "unknown");
	}

	@Test
	void storeOperations() {
		JsonNode inventory = ok(api.get("/v2/store/inventory"));
		assertThat(inventory.get("available").asInt()).isEqualTo(7);

		ok(api.postJson("/v2/store/order", "{\"id\":77,\"petId\":1,\"quantity\":2,\"status\":\"placed\"}"));
		apiResponse(api.postJson("/v2/store/order", "{\"id\":78,\"petId\":1,\"status\":\"pending\"}"), 400, 400, "unknown");
		apiResponse(api.postJson("/v2/store/order", "{\"id\":79,\"petId\":1,\"quantity\":-3}"), 400, 400, "unknown");
		apiResponse(api.postJson("/v2/store/order", ""), 400, 400, "unknown");
		assertThat(api.get("/v2/store/order/78").status()).isEqualTo(404);

		ok(api.get("/v2/store/order/1"));
		notFound(api.get("/v2/store/order/424242"), "Order not found");
		apiResponse(api.get("/v2/store/order/abc"), 400, 400, "unknown");

		apiResponse(api.delete("/v2/store/order/77"), 200, 200, "unknown");
		notFound(api.delete("/v2/store/order/77"), "Order not found");
		apiResponse(api.delete("/v2/store/order/abc"), 400, 400, "unknown");
	}

	@Test
	void userOperations() {
		String walker = "{\"id\":8001,\"username\":\"walker\",\"firstName\":\"W\",\"password\":\"pw 1\",\"userStatus\":1}";
		apiResponse(api.postJson("/v2/user", walker), 200, 200, "unknown");
		apiResponse(api.postJson("/v2/user", "{\"id\":8002,\"firstName\":\"nameless\"}"), 400, 400, "unknown");
		apiResponse(api.postJson("/v2/user", ""), 400, 400, "unknown");
		assertThat(api.postJson("/v2/user/createWithArray", "[{\"username\":\"a1\"},{\"firstName\":\"nameless\"}]").status())
			.isEqualTo(400);
		assertThat(api.get("/v2/user/a1").status()).isEqualTo(404);
		apiResponse(api.postJson("/v2/user/createWithList", "[{\"username\":\"l1\"}]"), 200, 200, "unknown");

		// login checks the password and answers the documented string
		Reply login = api.get("/v2/user/login?username=walker&password=pw%201");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().asString()).startsWith("logged in user session:");
		apiResponse(api.get("/v2/user/login?username=walker&password=wrong"), 400, 400, "unknown");
		apiResponse(api.get("/v2/user/logout"), 200, 200, "unknown");

		JsonNode user = ok(api.get("/v2/user/walker"));
		assertThat(user.has("password")).isFalse();
		assertThat(api.get("/v2/user/walker", "Accept", "application/xml").body()).doesNotContain("<password>");
		notFound(api.get("/v2/user/nobody"), "User not found");

		apiResponse(api.putJson("/v2/user/walker", walker.replace("\"W\"", "\"W2\"")), 200, 200, "unknown");
		notFound(api.putJson("/v2/user/unknown-walker", "{\"id\":8003,\"username\":\"stored-by-put\"}"), "User not found");
		assertThat(api.get("/v2/user/stored-by-put").status()).isEqualTo(404);

		apiResponse(api.delete("/v2/user/walker"), 200, 200, "unknown");
		notFound(api.delete("/v2/user/walker"), "User not found");
	}

	private Reply form(String path, String body) {
		return api.send("POST", path, "application/x-www-form-urlencoded", body);
	}

}
