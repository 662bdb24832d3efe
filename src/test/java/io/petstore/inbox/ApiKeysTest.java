package io.petstore.inbox;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** api_key values: created with a user's password, listed, revoked, scoped to tenant and user. */
class ApiKeysTest extends InboxTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUserCreatesAKeyThatWorksUntilRevoked() {
		createUser("kim");
		Reply created = api.postJson("/v2/apikey", "{\"name\":\"laptop\"}", "Authorization", basic("kim", PASSWORD));
		assertThat(created.status()).isEqualTo(201);
		JsonNode key = created.json();
		assertThat(key.get("name").asString()).isEqualTo("laptop");
		assertThat(key.get("key").asString()).matches("ibx_[A-Za-z0-9_-]{32}").startsWith(key.get("prefix").asString());
		assertThat(created.header("Location")).isEqualTo("/v2/apikey/" + id(key));

		ApiClient kim = withKey(key.get("key").asString());
		assertThat(kim.get("/v2/domain").status()).isEqualTo(200);

		Reply listed = kim.get("/v2/apikey");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).hasSize(1);
		assertThat(listed.json().get(0).has("key")).as("the secret is shown once only").isFalse();
		assertThat(listed.json().get(0).get("prefix").asString()).isEqualTo(key.get("prefix").asString());

		assertThat(kim.delete("/v2/apikey/" + id(key)).status()).isEqualTo(204);
		Reply afterRevoke = kim.get("/v2/domain");
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.json().get("message").asString()).contains("not valid");
		Reply list = api.get("/v2/apikey", "Authorization", basic("kim", PASSWORD));
		assertThat(list.json()).isEmpty();
	}

	@Test
	void onlyTheHashOfAKeyIsStored() {
		createUser("lee");
		String key = createKey("lee");
		List<String> stored = jdbc.sql("SELECT key_hash FROM inbox_api_key WHERE tenant_id = ?").param(tenant).query(String.class).list();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0)).hasSize(64).doesNotContain(key.substring(4)).isNotEqualTo(key);
	}

	@Test
	void creatingAKeyNeedsTheUsersPasswordNotAKey() {
		createUser("max");
		Reply none = api.postJson("/v2/apikey", "{}");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(api.postJson("/v2/apikey", "{}", "Authorization", basic("max", "wrong")).status()).isEqualTo(401);
		assertThat(api.postJson("/v2/apikey", "{}", "Authorization", basic("nobody", PASSWORD)).status()).isEqualTo(401);
		assertThat(api.postJson("/v2/apikey", "{}", "Authorization", "Basic !!!").status()).isEqualTo(401);
		String key = createKey("max");
		assertThat(withKey(key).postJson("/v2/apikey", "{}").status()).as("a key cannot mint keys").isEqualTo(401);
	}

	@Test
	void operationsWithoutAValidKeyAre401() {
		for (String path : List.of("/v2/domain", "/v2/inbox", "/v2/apikey")) {
			Reply reply = api.get(path);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.json().get("type").asString()).isEqualTo("unauthorized");
		}
		assertThat(api.get("/v2/domain", "api_key", "ibx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(401);
		assertThat(api.postJson("/v2/domain", "{\"name\":\"" + uniqueDomain() + "\"}").status()).isEqualTo(401);
	}

	@Test
	void aKeyWorksOnlyInItsOwnTenant() {
		ApiClient ana = newAccount("ana");
		String key = createKey("ana");
		assertThat(ana.get("/v2/domain").status()).isEqualTo(200);
		Reply elsewhere = clientFor(UUID.randomUUID()).withHeader("api_key", key).get("/v2/domain");
		assertThat(elsewhere.status()).isEqualTo(401);
		assertThat(clientFor(null).withHeader("api_key", key).get("/v2/domain").status()).isEqualTo(401);
	}

	@Test
	void revokingAnotherUsersKeyIs404() {
		ApiClient ann = newAccount("ann");
		createUser("bob");
		String bobKey = createKey("bob");
		String bobKeyId = api.get("/v2/apikey", "Authorization", basic("bob", PASSWORD)).json().get(0).get("id").asString();
		assertThat(ann.delete("/v2/apikey/" + bobKeyId).status()).isEqualTo(404);
		assertThat(ann.delete("/v2/apikey/not-a-uuid").status()).isEqualTo(400);
		assertThat(withKey(bobKey).get("/v2/domain").status()).isEqualTo(200);
	}

	@Test
	void deletingTheUserEndsItsKeysAndItsDomains() {
		ApiClient cleo = newAccount("cleo");
		String domain = uniqueDomain();
		addDomain(cleo, domain);
		assertThat(api.delete("/v2/user/cleo").status()).isEqualTo(200);
		assertThat(cleo.get("/v2/domain").status()).isEqualTo(401);

		ApiClient newCleo = newAccount("cleo");
		assertThat(newCleo.get("/v2/domain").json()).as("a new user of that name starts empty").isEmpty();
		assertThat(newCleo.postJson("/v2/domain", "{\"name\":\"" + domain + "\"}").status()).isEqualTo(201);
	}

	@Test
	void theDemoKeyIsOneSharedAccount() {
		ApiClient demo = clientFor(tenant).withHeader("api_key", "special-key");
		String domain = uniqueDomain();
		addDomain(demo, domain);
		JsonNode seen = clientFor(tenant).withHeader("api_key", "special-key").get("/v2/domain").json();
		assertThat(seen).extracting(node -> node.get("name").asString()).containsExactly(domain);
		assertThat(newAccount("dee").get("/v2/domain").json()).isEmpty();
	}

}
