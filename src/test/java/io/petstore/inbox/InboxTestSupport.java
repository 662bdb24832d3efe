package io.petstore.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;
import io.petstore.support.TestDnsServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for the Inboxes API tests: users with keys, domains proven through the test DNS server. */
abstract class InboxTestSupport extends IntegrationTest {

	static final String PASSWORD = "Secret-123";

	final TestDnsServer dns = TestDnsServer.shared();

	/** A domain name no other test uses (mail is routed by address across tenants). */
	static String uniqueDomain() {
		return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
	}

	static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Creates a classic user on the test's tenant. */
	void createUser(String username) {
		Reply reply = api.postJson("/v2/user", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
				+ "\",\"email\":\"" + username + "@example.com\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	/** A new key of the user, created with its username and password. */
	String createKey(String username) {
		Reply reply = api.postJson("/v2/apikey", "{\"name\":\"tests\"}", "Authorization", basic(username, PASSWORD));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("key").asString();
	}

	/** A new user with a key; returns a client that sends that key. */
	ApiClient newAccount(String username) {
		createUser(username);
		return withKey(createKey(username));
	}

	ApiClient withKey(String key) {
		return clientFor(tenant).withHeader("api_key", key);
	}

	JsonNode addDomain(ApiClient client, String name) {
		Reply reply = client.postJson("/v2/domain", "{\"name\":\"" + name + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	/** Adds the domain, publishes its TXT record and validates it. */
	JsonNode validatedDomain(ApiClient client, String name) {
		JsonNode domain = addDomain(client, name);
		dns.publishTxt(name, domain.get("validate").asString());
		Reply reply = client.postJson("/v2/domain/" + domain.get("id").asString() + "/validate", null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	JsonNode createInbox(ApiClient client, String address) {
		Reply reply = client.postJson("/v2/inbox", "{\"name\":\"" + address + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	static String id(JsonNode node) {
		return node.get("id").asString();
	}

	/** Sends a plain-text mail from sender@elsewhere.test to the SMTP listener on this port. */
	static void sendText(int smtpPort, String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtpPort));
		properties.put("mail.smtp.timeout", "10000");
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("sender@elsewhere.test"));
		message.setRecipients(RecipientType.TO, to);
		message.setSubject(subject);
		message.setText(text, "UTF-8");
		Transport.send(message);
	}

}
