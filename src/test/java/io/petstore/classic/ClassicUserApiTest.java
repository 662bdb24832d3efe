package io.petstore.classic;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The user operations over HTTP, following the Go client suite's scenario among others. */
class ClassicUserApiTest extends io.petstore.support.IntegrationTest {

	private static final String GOPHER = """
			{"id":1000,"username":"gopher","firstName":"gopher","lastName":"lang","email":"lang@test.com",\
			"password":"lang","phone":"5101112222","userStatus":1}""";

	@Test
	void createGetUpdateDelete() {
		Reply created = api.postJson("/v2/user", GOPHER);
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"1000\"}");

		Reply read = api.get("/v2/user/gopher");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).isEqualTo("{\"id\":1000,\"username\":\"gopher\",\"firstName\":\"gopher\",\"lastName\":\"lang\","
				+ "\"email\":\"lang@test.com\",\"password\":\"lang\",\"phone\":\"5101112222\",\"userStatus\":1}");

		Reply updated = api.putJson("/v2/user/gopher", GOPHER.replace("\"firstName\":\"gopher\"", "\"firstName\":\"Gopher\""));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("message").asString()).isEqualTo("1000");
		assertThat(api.get("/v2/user/gopher").json().get("firstName").asString()).isEqualTo("Gopher");

		Reply deleted = api.delete("/v2/user/gopher");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("message").asString()).isEqualTo("gopher");
		Reply gone = api.get("/v2/user/gopher");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body()).isEqualTo("{\"code\":1,\"type\":\"error\",\"message\":\"User not found\"}");
		Reply again = api.delete("/v2/user/gopher");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.body()).isEmpty(); // as the reference
	}

	/**
	 * As the reference, the password comes back as it was sent (generated-client suites compare it),
	 * opened from its sealed copy: the database holds no clear text (strict mode never returns it:
	 * ClassicReferenceWalkTest).
	 */
	@Test
	void thePasswordIsReturnedAsSentButNotStoredInTheClear() {
		api.postJson("/v2/user", GOPHER.replace("\"password\":\"lang\"", "\"password\":\"s3cret-Pässword\""));
		assertThat(api.get("/v2/user/gopher").json().get("password").asString()).isEqualTo("s3cret-Pässword");
		assertThat(api.get("/v2/user/gopher", "Accept", "application/xml").body()).contains("<password>s3cret-Pässword</password>");
		assertThat(api.get("/v2/user/user1").json().get("password").asString()).isEqualTo("XXXXXXXXXXX");
		String stored = jdbc.sql("SELECT password_hash || '|' || password_sealed FROM classic_user WHERE tenant_id = ? AND username = ?")
			.params(tenant, "gopher").query(String.class).single();
		assertThat(stored).doesNotContain("s3cret").contains("sealed:v1:");
		// a new password replaces the copy; no password keeps it
		api.putJson("/v2/user/gopher", GOPHER.replace("\"password\":\"lang\"", "\"password\":\"next\""));
		assertThat(api.get("/v2/user/gopher").json().get("password").asString()).isEqualTo("next");
		api.putJson("/v2/user/gopher", GOPHER.replace(",\"password\":\"lang\"", ""));
		assertThat(api.get("/v2/user/gopher").json().get("password").asString()).isEqualTo("next");
	}

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void createWithArrayAndListThenGetByUsername() {
		String array = "[" + GOPHER.replace("1000", "1001").replace("\"username\":\"gopher\"", "\"username\":\"gopher1\"") + ","
				+ GOPHER.replace("1000", "1002").replace("\"username\":\"gopher\"", "\"username\":\"gopher2\"") + "]";
		Reply reply = api.postJson("/v2/user/createWithArray", array);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"ok\"}");
		assertThat(api.get("/v2/user/gopher2").json().get("id").asLong()).isEqualTo(1002);

		assertThat(api.postJson("/v2/user/createWithList", "[{\"username\":\"listed\"}]").status()).isEqualTo(200);
		assertThat(api.get("/v2/user/listed").json().get("id").asLong()).isPositive();
		assertThat(api.postJson("/v2/user/createWithList", "[]").status()).isEqualTo(200);
	}

	/** As the reference: users without a username are skipped (strict mode refuses the batch). */
	@Test
	void aBatchSkipsUsersWithoutUsername() {
		Reply reply = api.postJson("/v2/user/createWithArray", "[{\"username\":\"first\"},{\"firstName\":\"no username\"}]");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(api.get("/v2/user/first").status()).isEqualTo(200);
	}

	@Test
	void creatingAnExistingUsernameReplacesThatUser() {
		api.postJson("/v2/user", GOPHER);
		api.postJson("/v2/user", GOPHER.replace("\"lastName\":\"lang\"", "\"lastName\":\"again\""));
		JsonNode user = api.get("/v2/user/gopher").json();
		assertThat(user.get("id").asLong()).isEqualTo(1000);
		assertThat(user.get("lastName").asString()).isEqualTo("again");
	}

	@Test
	void updateUserOfAnUnknownUsernameStoresTheBodyAndRenamesAreChecked() {
		// as the reference: 200 with the stored id, the body's user is stored
		Reply unknown = api.putJson("/v2/user/nobody", GOPHER);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"1000\"}");
		assertThat(api.get("/v2/user/gopher").json().get("id").asLong()).isEqualTo(1000);
		assertThat(api.get("/v2/user/nobody").status()).isEqualTo(404);
		Reply clash = api.putJson("/v2/user/gopher", GOPHER.replace("\"username\":\"gopher\"", "\"username\":\"user1\""));
		assertThat(clash.status()).isEqualTo(400);
		Reply rename = api.putJson("/v2/user/gopher", GOPHER.replace("\"username\":\"gopher\"", "\"username\":\"gopher-renamed\""));
		assertThat(rename.status()).isEqualTo(200);
		assertThat(api.get("/v2/user/gopher-renamed").json().get("id").asLong()).isEqualTo(1000);
		assertThat(api.get("/v2/user/gopher").status()).isEqualTo(404);
	}

	@Test
	void loginAnswersWithSessionMessageAndHeaders() {
		OffsetDateTime before = OffsetDateTime.now();
		// as petstore.swagger.io: an ApiResponse, where the document declares a string (so no document validation)
		var unvalidated = new io.petstore.support.ApiClient(base(), null, tenant);
		Reply reply = unvalidated.get("/v2/user/login?username=user1&password=whatever");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).matches("\\{\"code\":200,\"type\":\"unknown\",\"message\":\"logged in user session:\\d+\"}");
		assertThat(unvalidated.get("/v2/user/login?username=user1&password=x", "Accept", "application/xml").body())
			.contains("<apiResponse><message>logged in user session:");
		assertThat(reply.header("X-Rate-Limit")).isEqualTo("5000");
		OffsetDateTime expires = OffsetDateTime.parse(reply.header("X-Expires-After"));
		assertThat(Duration.between(before, expires).toMinutes()).isBetween(59L, 61L);

		assertThat(api.get("/v2/user/logout").body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"ok\"}");
	}

	@Test
	void seedUsersIncludingTheOneWithAQuestionMark() {
		JsonNode user = api.get("/v2/user/user3").json();
		assertThat(user.get("email").asString()).isEqualTo("email3@test.com");
		assertThat(user.get("userStatus").asInt()).isEqualTo(3);
		Reply odd = api.get("/v2/user/user%3F10");
		assertThat(odd.status()).isEqualTo(200);
		assertThat(odd.json().get("id").asLong()).isEqualTo(11);
	}

	@Test
	void xmlUsersInAndOut() {
		Reply created = api.send("POST", "/v2/user", "application/xml",
				"<User><id>3000</id><username>xmluser</username><email>x@example.com</email><userStatus>2</userStatus></User>");
		assertThat(created.status()).isEqualTo(200);
		Reply read = api.get("/v2/user/xmluser", "Accept", "application/xml");
		assertThat(read.body()).contains("<User><email>x@example.com</email><id>3000</id><userStatus>2</userStatus><username>xmluser</username></User>");

		Reply batch = api.send("POST", "/v2/user/createWithArray", "application/xml",
				"<users><User><username>x1</username></User><User><username>x2</username></User></users>");
		assertThat(batch.status()).isEqualTo(200);
		assertThat(api.get("/v2/user/x2").status()).isEqualTo(200);
	}

	/** As the reference: 200 with the body's id, nothing stored. */
	@Test
	void createUserWithoutUsernameStoresNothing() {
		Reply reply = api.postJson("/v2/user", "{\"id\":5,\"firstName\":\"anonymous\"}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("message").asString()).isEqualTo("5");
		assertThat(api.get("/v2/user/user5").json().get("firstName").asString()).isEqualTo("first name 5");
	}

}
