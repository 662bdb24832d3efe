package io.petstore.classic;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** With strict mode on, operations that declare api_key need it, and login checks the password. */
@TestPropertySource(properties = { "petstore.classic.strict-auth=true", "petstore.classic.api-key=s3cret",
		"petstore.admin.key=admin-key", "petstore.classic.login-body=api-response" })
class ClassicStrictAuthTest extends io.petstore.support.IntegrationTest {

	@Test
	void apiKeyOperationsNeedTheConfiguredKey() {
		Reply missing = api.get("/v2/pet/1");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.json().get("message").asString()).contains("api_key");
		assertThat(api.get("/v2/pet/1", "api_key", "special-key").status()).isEqualTo(403);
		assertThat(api.get("/v2/pet/1", "api_key", "s3cret").status()).isEqualTo(200);
		assertThat(api.get("/v2/store/inventory").status()).isEqualTo(401);
		assertThat(api.get("/v2/store/inventory", "api_key", "s3cret").status()).isEqualTo(200);
	}

	@Test
	void operationsWithoutSecurityDeclarationStayOpen() {
		assertThat(api.get("/v2/store/order/1").status()).isEqualTo(200);
		assertThat(api.get("/v2/user/user1").status()).isIn(200, 404);
	}

	/** petstore_auth operations need a bearer token (OAuth2 or POST /v1/auth/tokens) with write:pets and read:pets. */
	@Test
	void petstoreAuthOperationsNeedATokenWithTheDeclaredScopes() {
		String username = "classic" + Long.toHexString(System.nanoTime());
		Reply user = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		String both = user.json().get("token").asString();
		String readOnly = api.postJson("/v1/auth/tokens", "{\"username\":\"" + username + "\",\"password\":\"SecurePass123!\","
				+ "\"scopes\":[\"read:pets\"]}").json().get("token").asString();
		String pet = "{\"id\":424242,\"name\":\"Scoped\",\"photoUrls\":[],\"status\":\"available\"}";

		Reply missing = api.get("/v2/pet/findByStatus?status=available");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(missing.json().get("message").asString()).contains("petstore_auth");
		assertThat(api.postJson("/v2/pet", pet, "Authorization", "Bearer not.a.token").status()).isEqualTo(401);
		Reply lacking = api.postJson("/v2/pet", pet, "Authorization", "Bearer " + readOnly);
		assertThat(lacking.status()).isEqualTo(403);
		assertThat(lacking.json().get("message").asString()).contains("write:pets");
		// nothing was written by the refused calls
		assertThat(api.get("/v2/pet/424242", "api_key", "s3cret").status()).isEqualTo(404);

		assertThat(api.postJson("/v2/pet", pet, "Authorization", "Bearer " + both).status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/findByStatus?status=available", "Authorization", "Bearer " + both).status()).isEqualTo(200);
		assertThat(api.delete("/v2/pet/424242", "Authorization", "Bearer " + both).status()).isEqualTo(200);
		// a token of another tenant
		Reply otherTenant = clientFor(java.util.UUID.randomUUID()).get("/v2/pet/findByStatus?status=sold", "Authorization", "Bearer " + both);
		assertThat(otherTenant.status()).isEqualTo(403);
	}

	@Test
	void loginChecksThePasswordHash() {
		api.postJson("/v2/user", "{\"id\":7000,\"username\":\"strict\",\"password\":\"p@ss word\"}");
		assertThat(api.get("/v2/user/login?username=strict&password=wrong").status()).isEqualTo(400);
		assertThat(api.get("/v2/user/login?username=nobody&password=x").status()).isEqualTo(400);
		// login-body=api-response departs from the document on purpose, so no document validation here
		var unvalidated = new io.petstore.support.ApiClient(base(), null, tenant);
		var ok = unvalidated.get("/v2/user/login?username=strict&password=p%40ss%20word", "Accept", "application/json");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("message").asString()).startsWith("logged in user session:"); // login-body=api-response
		assertThat(unvalidated.get("/v2/user/login?username=user1&password=XXXXXXXXXXX").status()).isEqualTo(200);
	}

	@Test
	void resettingTheSharedPoolNeedsTheAdminKeyWhenOneIsConfigured() {
		var shared = clientFor(null);
		assertThat(shared.send("POST", "/admin/reset", null, (String) null).status()).isEqualTo(401);
		assertThat(shared.send("POST", "/admin/reset", null, (String) null, "X-Admin-Key", "nope").status()).isEqualTo(403);
		assertThat(shared.send("POST", "/admin/reset", null, (String) null, "X-Admin-Key", "admin-key").status()).isEqualTo(200);
		assertThat(api.send("POST", "/admin/reset", null, (String) null).status()).isEqualTo(200);
	}

}
