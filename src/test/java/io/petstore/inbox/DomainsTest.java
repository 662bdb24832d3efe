package io.petstore.inbox;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** /v2/domain: names checked, one owner each, ownership proven by a TXT record over real DNS. */
class DomainsTest extends InboxTestSupport {

	@Test
	void addingADomainGivesTheTxtRecordToPublish() {
		ApiClient ann = newAccount("ann");
		String name = uniqueDomain();
		Reply added = ann.postJson("/v2/domain", "{\"name\":\"" + name.toUpperCase() + ".\"}");
		assertThat(added.status()).isEqualTo(201);
		JsonNode domain = added.json();
		assertThat(domain.get("name").asString()).isEqualTo(name);
		assertThat(domain.get("status").asString()).isEqualTo("missing validation");
		assertThat(domain.get("active").asBoolean()).isFalse();
		assertThat(domain.get("validate").asString()).matches("inboxes-verification=[0-9a-f]{32}");
		assertThat(added.header("Location")).isEqualTo("/v2/domain/" + id(domain));

		assertThat(ann.get("/v2/domain/" + id(domain)).json()).isEqualTo(domain);
		assertThat(ann.get("/v2/domain").json()).containsExactly(domain);
	}

	@Test
	void internationalNamesAreStoredAsPunycode() {
		ApiClient ann = newAccount("ann");
		String label = "b\u00fccher-" + uniqueDomain().substring(1, 9);
		JsonNode domain = addDomain(ann, label + ".example");
		assertThat(domain.get("name").asString()).startsWith("xn--").endsWith(".example").isEqualTo(
				java.net.IDN.toASCII(label + ".example"));
	}

	@Test
	void invalidNamesAre400() {
		ApiClient ann = newAccount("ann");
		String longLabel = "a".repeat(64);
		String tooLong = ("abcdefghi." + "").repeat(25) + "example.com";
		for (String name : List.of("", "   ", "localhost", "-bad.com", "bad-.com", "a..b.com", longLabel + ".com", tooLong,
				"1.2.3.4", "exa mple.com", "under_score.com", "me@example.com", "http://example.com", ".com")) {
			Reply reply = ann.postJson("/v2/domain", "{\"name\":\"" + name + "\"}");
			assertThat(reply.status()).as(name).isEqualTo(400);
			assertThat(reply.json().get("type").asString()).isEqualTo("invalid_input");
			assertThat(reply.json().get("message").asString()).startsWith("Invalid domain name");
		}
		assertThat(ann.postJson("/v2/domain", "{}").status()).isEqualTo(400);
		assertThat(ann.postJson("/v2/domain", "{\"name\":{\"a\":1}}").status()).isEqualTo(400);
		assertThat(ann.postJson("/v2/domain", "{\"name\":").status()).isEqualTo(400);
		assertThat(ann.postJson("/v2/domain", "").status()).isEqualTo(400);
		assertThat(ann.send("POST", "/v2/domain", "application/xml", "<DomainIn/>").status()).isEqualTo(415);
		assertThat(ann.get("/v2/domain").json()).as("nothing was stored").isEmpty();
	}

	@Test
	void hugeBodiesAre413AndStoreNothing() throws Exception {
		createUser("ann");
		String key = createKey("ann");
		byte[] huge = ("{\"name\":\"" + "a".repeat(1_100_000) + ".com\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String reply = io.petstore.support.RawHttp.exchange(port, tenant, "POST", "/v2/domain", "application/json", huge, false,
				"api_key", key);
		assertThat(reply).startsWith("HTTP/1.1 413 Payload Too Large").contains("\"code\":413");
		assertThat(withKey(key).get("/v2/domain").json()).isEmpty();
	}

	@Test
	void aNameIsRegisteredOncePerTenant() {
		ApiClient ann = newAccount("ann");
		ApiClient bob = newAccount("bob");
		String name = uniqueDomain();
		JsonNode domain = addDomain(ann, name);
		Reply again = ann.postJson("/v2/domain", "{\"name\":\"" + name.toUpperCase() + "\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("message").asString()).contains("already registered");
		assertThat(bob.postJson("/v2/domain", "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
		assertThat(bob.get("/v2/domain/" + id(domain)).status()).as("another account's domain").isEqualTo(404);
		assertThat(bob.delete("/v2/domain/" + id(domain)).status()).isEqualTo(404);
		assertThat(bob.postJson("/v2/domain/" + id(domain) + "/validate", null).status()).isEqualTo(404);

		ApiClient elsewhere = clientFor(java.util.UUID.randomUUID());
		assertThat(elsewhere.postJson("/v2/domain", "{\"name\":\"" + name + "\"}", "api_key", "special-key").status())
			.as("another tenant may register it too").isEqualTo(201);
	}

	@Test
	void validationFindsThePublishedRecord() {
		ApiClient ann = newAccount("ann");
		String name = uniqueDomain();
		JsonNode domain = addDomain(ann, name);
		dns.publishTxt(name, "v=spf1 -all", domain.get("validate").asString());
		Reply validated = ann.postJson("/v2/domain/" + id(domain) + "/validate", null);
		assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
		assertThat(validated.json().get("status").asString()).isEqualTo("validated");
		assertThat(validated.json().get("active").asBoolean()).isTrue();
		assertThat(validated.json().has("validatedAt")).isTrue();
		assertThat(ann.get("/v2/domain/" + id(domain)).json()).isEqualTo(validated.json());
	}

	@Test
	void absentWrongOrUnansweredRecordsAreClear422s() {
		ApiClient ann = newAccount("ann");
		String missing = uniqueDomain();
		String wrong = uniqueDomain();
		String noTxt = uniqueDomain();
		String silent = uniqueDomain();
		String broken = uniqueDomain();
		dns.publishTxt(wrong, "inboxes-verification=00000000000000000000000000000000");
		dns.publishTxt(noTxt);
		dns.silence(silent);
		dns.fail(broken);
		assertRefused(ann, missing, "dns_no_record", "NXDOMAIN");
		assertRefused(ann, noTxt, "dns_no_record", "no TXT record");
		assertRefused(ann, wrong, "dns_wrong_record", "inboxes-verification=00000000000000000000000000000000");
		assertRefused(ann, silent, "dns_timeout", "no answer");
		assertRefused(ann, broken, "dns_error", "SERVFAIL");
	}

	private void assertRefused(ApiClient client, String name, String type, String detail) {
		JsonNode domain = addDomain(client, name);
		Reply reply = client.postJson("/v2/domain/" + id(domain) + "/validate", null);
		assertThat(reply.status()).as(name + ": " + reply).isEqualTo(422);
		assertThat(reply.json().get("type").asString()).isEqualTo(type);
		assertThat(reply.json().get("message").asString()).contains(detail).contains(name);
		JsonNode after = client.get("/v2/domain/" + id(domain)).json();
		assertThat(after.get("status").asString()).isEqualTo("missing validation");
		assertThat(after.get("active").asBoolean()).isFalse();
	}

	@Test
	void updateDeactivatesReactivatesAndRenames() {
		ApiClient ann = newAccount("ann");
		JsonNode domain = validatedDomain(ann, uniqueDomain());
		String id = id(domain);

		Reply off = ann.putJson("/v2/domain", "{\"id\":\"" + id + "\",\"active\":false}");
		assertThat(off.status()).isEqualTo(200);
		assertThat(off.json().get("active").asBoolean()).isFalse();
		assertThat(off.json().get("status").asString()).isEqualTo("validated");
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id + "\",\"active\":true}").json().get("active").asBoolean()).isTrue();

		String newName = uniqueDomain();
		Reply renamed = ann.putJson("/v2/domain", "{\"id\":\"" + id + "\",\"name\":\"" + newName + "\",\"status\":\"validated\"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo(newName);
		assertThat(renamed.json().get("status").asString()).as("a new name must be proven again").isEqualTo("missing validation");
		assertThat(renamed.json().get("active").asBoolean()).isFalse();
		assertThat(renamed.json().get("validate").asString()).isNotEqualTo(domain.get("validate").asString());

		Reply activate = ann.putJson("/v2/domain", "{\"id\":\"" + id + "\",\"active\":true}");
		assertThat(activate.status()).isEqualTo(409);
		assertThat(activate.json().get("type").asString()).isEqualTo("not_validated");
	}

	@Test
	void updateRefusals() {
		ApiClient ann = newAccount("ann");
		JsonNode domain = validatedDomain(ann, uniqueDomain());
		JsonNode other = addDomain(ann, uniqueDomain());
		createInbox(ann, "me@" + domain.get("name").asString());
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(domain) + "\",\"name\":\"" + uniqueDomain() + "\"}").status())
			.as("rename with inboxes").isEqualTo(409);
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(other) + "\",\"name\":\"" + domain.get("name").asString() + "\"}").status())
			.as("rename onto a taken name").isEqualTo(409);
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(other) + "\",\"name\":\"not valid\"}").status()).isEqualTo(400);
		assertThat(ann.putJson("/v2/domain", "{\"name\":\"x.example\"}").status()).isEqualTo(400);
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}").status()).isEqualTo(404);
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(other) + "\",\"active\":\"maybe\"}").status()).isEqualTo(400);
	}

	@Test
	void deletingADomainDeletesItsInboxes() {
		ApiClient ann = newAccount("ann");
		JsonNode domain = validatedDomain(ann, uniqueDomain());
		JsonNode inbox = createInbox(ann, "me@" + domain.get("name").asString());
		assertThat(ann.delete("/v2/domain/" + id(domain)).status()).isEqualTo(204);
		assertThat(ann.get("/v2/domain/" + id(domain)).status()).isEqualTo(404);
		assertThat(ann.get("/v2/inbox/" + id(inbox)).status()).isEqualTo(404);
		assertThat(ann.delete("/v2/domain/" + id(domain)).status()).isEqualTo(404);
		assertThat(ann.get("/v2/domain/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void theDocumentIsServedAndListed() {
		Reply json = api.get("/v2/inboxes/openapi.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("openapi").asString()).isEqualTo("3.1.0");
		assertThat(json.json().get("paths").has("/domain/{domainId}/validate")).isTrue();
		assertThat(json.json().get("paths").has("/pet")).as("the petstore part is the classic document").isFalse();
		assertThat(api.get("/v2/inboxes/openapi.yaml").body()).startsWith("openapi: 3.1.0");
		assertThat(api.get("/docs/apis.json").body()).contains("/v2/inboxes/openapi.json");
	}

}
