package io.petstore.inbox;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes through the Inboxes API and mail arriving over SMTP are in the tenant's audit log. */
class InboxAuditTest extends InboxTestSupport {

	@Autowired
	SmtpListener smtp;

	@Test
	void recordsKeysDomainsInboxesAndMail() throws Exception {
		createUser("auditor");
		String key = createKey("auditor");
		ApiClient client = withKey(key);
		String domainName = uniqueDomain();
		JsonNode domain = validatedDomain(client, domainName);
		JsonNode inbox = createInbox(client, "mail@" + domainName);
		try (SmtpDialog dialog = new SmtpDialog(smtp.port())) {
			assertThat(dialog.send("EHLO client.test")).startsWith("250");
			assertThat(dialog.send("MAIL FROM:<sender@elsewhere.test>")).startsWith("250");
			assertThat(dialog.send("RCPT TO:<mail@" + domainName + ">")).startsWith("250");
			assertThat(dialog.send("DATA")).startsWith("354");
			dialog.write("Subject: audited\r\n\r\nbody\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(dialog.reply()).startsWith("250");
		}
		JsonNode messages = client.get("/v2/inbox/" + id(inbox) + "/message").json();
		String message = messages.get(0).get("id").asString();
		assertThat(client.delete("/v2/inbox/" + id(inbox) + "/message/" + message).status()).isEqualTo(204);
		assertThat(client.delete("/v2/inbox/" + id(inbox) + "/message").status()).isIn(200, 204);
		assertThat(client.delete("/v2/inbox/" + id(inbox)).status()).isEqualTo(204);
		Reply update = client.putJson("/v2/domain", "{\"id\":\"" + id(domain) + "\",\"active\":false}");
		assertThat(update.status()).as(update.toString()).isEqualTo(200);
		assertThat(client.delete("/v2/domain/" + id(domain)).status()).isEqualTo(204);
		String keyId = client.get("/v2/apikey").json().get(0).get("id").asString();
		assertThat(client.delete("/v2/apikey/" + keyId).status()).isEqualTo(204);

		ApiClient admin = admin();
		JsonNode created = only(admin, "action=API_KEY_CREATED");
		assertThat(created.get("entityType").asString()).isEqualTo("API_KEYS");
		assertThat(created.get("actor").asString()).startsWith("classic-user:");
		assertThat(created.toString()).doesNotContain(key);
		only(admin, "action=API_KEY_REVOKED&entityId=" + keyId);
		assertThat(only(admin, "action=DOMAIN_ADDED&entityId=" + id(domain)).get("changes").get("name").get("after").asString())
			.isEqualTo(domainName);
		JsonNode validated = only(admin, "action=DOMAIN_VALIDATED&entityId=" + id(domain));
		assertThat(validated.get("changes").get("status").get("after").asString()).isEqualTo("validated");
		assertThat(only(admin, "action=DOMAIN_UPDATED&entityId=" + id(domain)).get("changes").get("active").get("after").asBoolean())
			.isFalse();
		only(admin, "action=DOMAIN_DELETED&entityId=" + id(domain));
		only(admin, "action=INBOX_CREATED&entityId=" + id(inbox));
		only(admin, "action=INBOX_DELETED&entityId=" + id(inbox));
		JsonNode received = only(admin, "action=MESSAGE_RECEIVED&entityId=" + message);
		assertThat(received.get("protocol").asString()).isEqualTo("SMTP");
		assertThat(received.get("actor").asString()).isEqualTo("smtp:sender@elsewhere.test");
		assertThat(received.get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(received.get("changes").get("subject").get("after").asString()).isEqualTo("audited");
		only(admin, "action=MESSAGES_DELETED&entityId=" + id(inbox));
		JsonNode deleted = only(admin, "action=MESSAGE_DELETED&entityId=" + message);
		assertThat(deleted.get("request").asString()).isEqualTo("DELETE /v2/inbox/" + id(inbox) + "/message/" + message);
	}

	private static JsonNode only(ApiClient admin, String query) {
		Reply reply = admin.get("/v1/admin/audit-logs?" + query);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().get("data")).as(query + ": " + reply.body()).hasSize(1);
		return reply.json().get("data").get(0);
	}

}
