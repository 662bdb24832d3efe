package io.petstore.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mail through the SMTP listener: sent by Jakarta Mail (a real SMTP client) or a bare socket, read
 * back through the API.
 */
class MailTest extends InboxTestSupport {

	@Autowired
	SmtpListener smtp;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Session session() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtp.port()));
		properties.put("mail.smtp.timeout", "10000");
		return Session.getInstance(properties);
	}

	/** Text and HTML alternatives, plus a PDF attachment of 3000 bytes. */
	private MimeMessage richMessage(String to) throws Exception {
		MimeMessage message = new MimeMessage(session());
		message.setFrom(new InternetAddress("sender@elsewhere.test", "S\u00e9bastien Sender"));
		message.setRecipients(RecipientType.TO, to);
		message.setRecipients(RecipientType.CC, "copy@elsewhere.test");
		message.setSubject("Your order \u2714 shipped", "UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Hello in plain text", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p>Hello in <b>HTML</b></p>", "text/html; charset=UTF-8");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[3000], "application/pdf")));
		attachment.setFileName("invoice.pdf");
		MimeMultipart mixed = new MimeMultipart("mixed");
		mixed.addBodyPart(body);
		mixed.addBodyPart(attachment);
		message.setContent(mixed);
		return message;
	}

	@Test
	void mailToAnInboxIsStoredAndReadBack() throws Exception {
		ApiClient ann = newAccount("ann");
		String domain = validatedDomain(ann, uniqueDomain()).get("name").asString();
		JsonNode inbox = createInbox(ann, "Orders@" + domain.toUpperCase());
		assertThat(inbox.get("name").asString()).isEqualTo("orders@" + domain);

		// the envelope names the inbox only; the Cc header names an address this server does not serve
		Transport.send(richMessage("orders@" + domain), new InternetAddress[] { new InternetAddress("orders@" + domain) });

		Reply list = ann.get("/v2/inbox/" + id(inbox) + "/message");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("X-Total-Count")).isEqualTo("1");
		JsonNode summary = list.json().get(0);
		assertThat(summary.get("subject").asString()).isEqualTo("Your order \u2714 shipped");
		assertThat(summary.get("from").asString()).isEqualTo("\"S\u00e9bastien Sender\" <sender@elsewhere.test>");
		assertThat(summary.get("envelopeFrom").asString()).isEqualTo("sender@elsewhere.test");
		assertThat(summary.get("size").asLong()).isGreaterThan(4000);

		Reply read = ann.get("/v2/inbox/" + id(inbox) + "/message/" + id(summary));
		assertThat(read.status()).isEqualTo(200);
		JsonNode message = read.json();
		assertThat(message.get("text").asString()).isEqualTo("Hello in plain text");
		assertThat(message.get("html").asString()).isEqualTo("<p>Hello in <b>HTML</b></p>");
		assertThat(message.get("to").get(0).asString()).isEqualTo("orders@" + domain);
		assertThat(message.get("cc").get(0).asString()).isEqualTo("copy@elsewhere.test");
		assertThat(message.get("attachments")).hasSize(1);
		assertThat(message.get("attachments").get(0).get("fileName").asString()).isEqualTo("invoice.pdf");
		assertThat(message.get("attachments").get(0).get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(message.get("attachments").get(0).get("size").asLong()).isEqualTo(3000);
		assertThat(message.get("headers").findValuesAsString("name")).contains("Received", "Subject", "Message-ID", "MIME-Version");
		assertThat(message.has("parseError")).isFalse();

		Reply raw = ann.get("/v2/inbox/" + id(inbox) + "/message/" + id(summary) + "/raw");
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.contentType()).startsWith("message/rfc822");
		assertThat(raw.body()).contains("Subject: =?UTF-8?").contains("invoice.pdf");

		assertThat(ann.delete("/v2/inbox/" + id(inbox) + "/message/" + id(summary)).status()).isEqualTo(204);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message/" + id(summary)).status()).isEqualTo(404);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message").json()).isEmpty();
	}

	@Test
	void unknownRecipientsAreRefusedAtRcptTime() throws Exception {
		ApiClient ann = newAccount("ann");
		String validated = validatedDomain(ann, uniqueDomain()).get("name").asString();
		String unvalidated = addDomain(ann, uniqueDomain()).get("name").asString();
		JsonNode inbox = createInbox(ann, "me@" + validated);
		try (SmtpDialog smtp = new SmtpDialog(this.smtp.port())) {
			assertThat(smtp.send("EHLO client.test")).startsWith("250");
			assertThat(smtp.send("MAIL FROM:<a@elsewhere.test>")).startsWith("250");
			assertThat(smtp.send("RCPT TO:<nobody@" + validated + ">")).startsWith("550 5.1.1");
			assertThat(smtp.send("RCPT TO:<me@" + unvalidated + ">")).startsWith("550");
			assertThat(smtp.send("RCPT TO:<me@nowhere.test>")).startsWith("550");
			assertThat(smtp.send("RCPT TO:<not an address>")).startsWith("5");
			assertThat(smtp.send("RCPT TO:<ME@" + validated + ">")).startsWith("250");
			assertThat(smtp.send("DATA")).startsWith("354");
			smtp.write("Subject: partly delivered\r\n\r\nbody\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(smtp.reply()).startsWith("250");
			assertThat(smtp.send("QUIT")).startsWith("221");
		}
		JsonNode messages = ann.get("/v2/inbox/" + id(inbox) + "/message").json();
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).get("subject").asString()).isEqualTo("partly delivered");

		MimeMessage toNobody = new MimeMessage(session());
		toNobody.setFrom("a@elsewhere.test");
		toNobody.setRecipients(RecipientType.TO, "nobody@" + validated);
		toNobody.setText("lost?");
		assertThatThrownBy(() -> Transport.send(toNobody)).isInstanceOf(SendFailedException.class);
	}

	@Test
	void oversizedMailIsRefusedAndNothingIsStored() throws Exception {
		ApiClient ann = newAccount("ann");
		String domain = validatedDomain(ann, uniqueDomain()).get("name").asString();
		JsonNode inbox = createInbox(ann, "big@" + domain);
		MimeMessage big = new MimeMessage(session());
		big.setFrom("a@elsewhere.test");
		big.setRecipients(RecipientType.TO, "big@" + domain);
		big.setText("x".repeat(300 * 1024));
		assertThatThrownBy(() -> Transport.send(big)).hasMessageContaining("552");
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message").json()).isEmpty();

		MimeMessage small = new MimeMessage(session());
		small.setFrom("a@elsewhere.test");
		small.setRecipients(RecipientType.TO, "big@" + domain);
		small.setText("fits");
		Transport.send(small);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message").json()).hasSize(1);
	}

	@Test
	void deactivatedDomainsAndDeletedInboxesTakeNoMail() throws Exception {
		ApiClient ann = newAccount("ann");
		JsonNode domain = validatedDomain(ann, uniqueDomain());
		String name = domain.get("name").asString();
		JsonNode one = createInbox(ann, "one@" + name);
		createInbox(ann, "two@" + name);
		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(domain) + "\",\"active\":false}").status()).isEqualTo(200);
		try (SmtpDialog smtp = new SmtpDialog(this.smtp.port())) {
			smtp.send("HELO client.test");
			smtp.send("MAIL FROM:<a@elsewhere.test>");
			assertThat(smtp.send("RCPT TO:<one@" + name + ">")).startsWith("550");
		}
		Reply refused = ann.postJson("/v2/inbox", "{\"name\":\"three@" + name + "\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("domain_inactive");

		assertThat(ann.putJson("/v2/domain", "{\"id\":\"" + id(domain) + "\",\"active\":true}").status()).isEqualTo(200);
		assertThat(ann.delete("/v2/inbox/" + id(one)).status()).isEqualTo(204);
		try (SmtpDialog smtp = new SmtpDialog(this.smtp.port())) {
			smtp.send("HELO client.test");
			smtp.send("MAIL FROM:<a@elsewhere.test>");
			assertThat(smtp.send("RCPT TO:<one@" + name + ">")).startsWith("550");
			assertThat(smtp.send("RCPT TO:<two@" + name + ">")).startsWith("250");
		}
	}

	@Test
	void inboxesOnlyOnYourValidatedDomains() {
		ApiClient ann = newAccount("ann");
		ApiClient bob = newAccount("bob");
		String mine = validatedDomain(ann, uniqueDomain()).get("name").asString();
		String pending = addDomain(ann, uniqueDomain()).get("name").asString();

		Reply notValidated = ann.postJson("/v2/inbox", "{\"name\":\"me@" + pending + "\"}");
		assertThat(notValidated.status()).isEqualTo(409);
		assertThat(notValidated.json().get("type").asString()).isEqualTo("not_validated");
		Reply notYours = bob.postJson("/v2/inbox", "{\"name\":\"me@" + mine + "\"}");
		assertThat(notYours.status()).isEqualTo(422);
		assertThat(notYours.json().get("type").asString()).isEqualTo("domain_not_found");
		for (String bad : new String[] { "me", "@" + mine, "me@", "a b@" + mine, ".me@" + mine, "me..you@" + mine,
				"x".repeat(65) + "@" + mine, "me@not valid" }) {
			assertThat(ann.postJson("/v2/inbox", "{\"name\":\"" + bad + "\"}").status()).as(bad).isEqualTo(400);
		}
		JsonNode inbox = createInbox(ann, "me@" + mine);
		assertThat(ann.postJson("/v2/inbox", "{\"name\":\"ME@" + mine + "\"}").status()).isEqualTo(409);
		assertThat(ann.get("/v2/inbox").json()).containsExactly(inbox);
		assertThat(ann.get("/v2/inbox?domainId=" + inbox.get("domainId").asString()).json()).containsExactly(inbox);
		assertThat(ann.get("/v2/inbox?domainId=nope").status()).isEqualTo(400);
		assertThat(bob.get("/v2/inbox").json()).isEmpty();
		assertThat(bob.get("/v2/inbox/" + id(inbox)).status()).isEqualTo(404);
		assertThat(bob.get("/v2/inbox/" + id(inbox) + "/message").status()).isEqualTo(404);
		assertThat(bob.delete("/v2/inbox/" + id(inbox)).status()).isEqualTo(404);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message?limit=0").status()).isEqualTo(400);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message?limit=x").status()).isEqualTo(400);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message?offset=-1").status()).isEqualTo(400);
	}

	@Test
	void listingIsNewestFirstAndPaged() throws Exception {
		ApiClient ann = newAccount("ann");
		String domain = validatedDomain(ann, uniqueDomain()).get("name").asString();
		JsonNode inbox = createInbox(ann, "list@" + domain);
		for (int i = 1; i <= 3; i++) {
			MimeMessage message = new MimeMessage(session());
			message.setFrom("a@elsewhere.test");
			message.setRecipients(RecipientType.TO, "list@" + domain);
			message.setSubject("number " + i);
			message.setText("n");
			Transport.send(message);
		}
		Reply page = ann.get("/v2/inbox/" + id(inbox) + "/message?limit=2");
		assertThat(page.header("X-Total-Count")).isEqualTo("3");
		assertThat(page.json().findValuesAsString("subject")).containsExactly("number 3", "number 2");
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message?limit=2&offset=2").json().findValuesAsString("subject"))
			.containsExactly("number 1");
		assertThat(ann.get("/v2/inbox/" + id(inbox)).json().get("messageCount").asLong()).isEqualTo(3);
		assertThat(ann.delete("/v2/inbox/" + id(inbox) + "/message").status()).isEqualTo(204);
		assertThat(ann.get("/v2/inbox/" + id(inbox) + "/message").header("X-Total-Count")).isEqualTo("0");
		assertThat(ann.get("/v2/inbox/" + id(inbox)).json().get("messageCount").asLong()).isZero();
	}

	@Test
	void deletingAnInboxOrItsDomainDeletesItsMail() throws Exception {
		ApiClient ann = newAccount("ann");
		JsonNode domain = validatedDomain(ann, uniqueDomain());
		String name = domain.get("name").asString();
		JsonNode first = createInbox(ann, "first@" + name);
		JsonNode second = createInbox(ann, "second@" + name);
		for (String to : new String[] { "first@" + name, "second@" + name }) {
			MimeMessage message = new MimeMessage(session());
			message.setFrom("a@elsewhere.test");
			message.setRecipients(RecipientType.TO, to);
			message.setText("to be deleted");
			Transport.send(message);
		}
		assertThat(storedMessages(id(first))).isEqualTo(1);
		assertThat(ann.delete("/v2/inbox/" + id(first)).status()).isEqualTo(204);
		assertThat(storedMessages(id(first))).isZero();
		assertThat(storedMessages(id(second))).isEqualTo(1);
		assertThat(ann.delete("/v2/domain/" + id(domain)).status()).isEqualTo(204);
		assertThat(storedMessages(id(second))).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_message_raw r LEFT JOIN inbox_message m ON m.id = r.message_id "
				+ "WHERE m.id IS NULL").query(Long.class).single()).isZero();
	}

	private long storedMessages(String inboxId) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE inbox_id = ?").param(java.util.UUID.fromString(inboxId))
			.query(Long.class).single();
	}

	@Test
	void malformedMailIsStoredAndReadAsFarAsPossible() throws Exception {
		ApiClient ann = newAccount("ann");
		String domain = validatedDomain(ann, uniqueDomain()).get("name").asString();
		JsonNode inbox = createInbox(ann, "odd@" + domain);
		try (SmtpDialog smtp = new SmtpDialog(this.smtp.port())) {
			smtp.send("HELO client.test");
			smtp.send("MAIL FROM:<>");
			assertThat(smtp.send("RCPT TO:<odd@" + domain + ">")).startsWith("250");
			assertThat(smtp.send("DATA")).startsWith("354");
			smtp.write(("From: <<broken\r\nSubject: odd\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
					+ "--b\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nhello\r\n--b\r\n"
					+ "Content-Type: text/plain\r\n\r\nunterminated\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
			assertThat(smtp.reply()).startsWith("250");
		}
		JsonNode summary = ann.get("/v2/inbox/" + id(inbox) + "/message").json().get(0);
		assertThat(summary.has("envelopeFrom")).as(summary.toString()).isTrue();
		assertThat(summary.get("envelopeFrom").asString()).isEmpty();
		Reply read = ann.get("/v2/inbox/" + id(inbox) + "/message/" + id(summary));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("subject").asString()).isEqualTo("odd");
		assertThat(read.json().get("parseError").asString()).as("the broken From header is reported").contains("AddressException");
		assertThat(read.json().get("text").asString()).isEqualTo("hello");
	}

}
