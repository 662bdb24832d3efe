package io.petstore.v1;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the caller is, and whether they may use the operation, is settled before what they sent is
 * read: a caller who may not call an operation learns that (401, 403), not what is wrong with the
 * body (400, 422).
 */
class CallerBeforeBodyTest extends ModernApiTest {

	/** What the sweeps send as the body: malformed JSON, and well-formed JSON the schema refuses. */
	private static final List<String> BAD_BODIES = List.of("{\"status\":", "{\"bogus\":1}");

	/** Documented with the global security, but public unless petstore.v1.strict-auth=true. */
	private static final Set<String> PUBLIC_UNLESS_STRICT = Set.of("GET /v1/inventories", "GET /v1/inventory");

	@Test
	void aPlainUserChangingAUsersStatusGets403WhateverTheBody() {
		Account user = register(uniqueName("plain"));
		Account target = register(uniqueName("target"));
		String path = "/v1/admin/users/" + target.id() + "/status";
		assertProblem(as(user).send("PATCH", path, "application/json", "{\"status\":\"SUSPENDED\",\"bogus\":1}"), 403, "forbidden");
		assertProblem(as(user).send("PATCH", path, "application/json", "{\"status\":"), 403, "forbidden");
		assertProblem(api.send("PATCH", path, "application/json", "{\"status\":\"SUSPENDED\",\"bogus\":1}"), 401, "unauthorized");
		// an administrator is told about the body
		assertProblem(admin().send("PATCH", path, "application/json", "{\"status\":\"SUSPENDED\",\"bogus\":1}"), 422,
				"validation-error");
		assertThat(as(target).get("/v1/users/" + target.id()).status()).isEqualTo(200);
	}

	@Test
	void aTokenOfAnotherTenantOrOfNoUserIsRefusedBeforeTheBody() {
		Account user = register(uniqueName("owner"));
		// a token is good in its own tenant only: 403, not 422 for the unknown property
		Reply otherTenant = clientFor(UUID.randomUUID()).withToken(user.token())
			.putJson("/v1/users/" + user.id(), "{\"bogus\":1}");
		assertProblem(otherTenant, 403, "forbidden");
		assertProblem(clientFor(UUID.randomUUID()).withToken(tokenOf(admin()))
			.send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json", "{\"bogus\":1}"), 403, "forbidden");
		// a client-credentials token names no user
		Reply registered = admin().postJson("/v1/admin/oauth-clients",
				"{\"clientName\":\"Sync\",\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"read:orders\"]}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String clientToken = clientCredentialsToken(registered.json().get("clientId").asString(),
				registered.json().get("clientSecret").asString(), "read:orders");
		assertProblem(as(clientToken).postJson("/v1/webhooks", "{\"bogus\":1}"), 403, "forbidden");
		assertProblem(as(clientToken).send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json",
				"{\"bogus\":1}"), 403, "forbidden");
	}

	/**
	 * Every /v1 operation the document secures, called without a token and with a bad body (or none
	 * where it takes none), answers 401; every /v1/admin operation called by a plain user, 403.
	 */
	@Test
	void everySecuredOperationRefusesTheCallerBeforeReadingTheBody() {
		JsonNode document = new ApiClient(base(), null, null).get("/v1/openapi.json").json();
		Account user = register(uniqueName("plain"));
		List<String> failures = new ArrayList<>();
		List<String> publicOnes = new ArrayList<>();
		int secured = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator(); paths.hasNext();) {
			Map.Entry<String, JsonNode> entry = paths.next();
			String path = "/v1" + entry.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			for (String method : List.of("get", "put", "post", "delete", "patch")) {
				JsonNode operation = entry.getValue().get(method);
				if (operation == null) {
					continue;
				}
				JsonNode security = operation.has("security") ? operation.get("security") : document.get("security");
				// no requirement, or an empty one ({}: anonymous callers are served too, as GET /v1/events)
				boolean anonymousAllowed = false;
				for (JsonNode requirement : security) {
					anonymousAllowed |= requirement.isEmpty();
				}
				if (security.isEmpty() || anonymousAllowed) {
					continue;
				}
				secured++;
				String name = method.toUpperCase(java.util.Locale.ROOT) + " /v1" + entry.getKey();
				String contentType = operation.path("requestBody").path("content").has("multipart/form-data")
						? "multipart/form-data; boundary=x" : "application/json";
				for (String body : BAD_BODIES) {
					Reply anonymous = api.send(name.substring(0, name.indexOf(' ')), path, contentType, body);
					if (PUBLIC_UNLESS_STRICT.contains(name) && anonymous.status() == 200) {
						publicOnes.add(name);
						continue;
					}
					if (anonymous.status() != 401) {
						failures.add(name + " without a token, body " + body + " -> " + anonymous);
					}
					if (entry.getKey().startsWith("/admin/")) {
						Reply plain = as(user).send(name.substring(0, name.indexOf(' ')), path, contentType, body);
						if (plain.status() != 403) {
							failures.add(name + " by a plain user, body " + body + " -> " + plain);
						}
					}
				}
			}
		}
		assertThat(secured).isGreaterThan(30);
		assertThat(failures).isEmpty();
		assertThat(publicOnes).allMatch(PUBLIC_UNLESS_STRICT::contains);
	}

	private String clientCredentialsToken(String clientId, String secret, String scope) {
		Reply reply = new ApiClient(base(), null, null).send("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials&scope=" + scope, "Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("access_token").asString();
	}

	private static String tokenOf(ApiClient client) {
		return client.defaultHeader("Authorization").substring("Bearer ".length());
	}

}
