package io.petstore.soap;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw envelopes over Java's HttpClient: SOAP 1.2 answered in 1.2, and everything a client can send
 * wrong (not XML, another envelope, an unknown operation or namespace, a DTD with external entities
 * or entity expansion, a body past the cap) answered with a client fault, never a stack trace; the
 * audit log records protocol SOAP.
 */
class SoapRawTest extends SoapTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	io.petstore.ratelimit.RateLimits limits;

	static final String SEED_PET = "019b4132-70aa-764f-b315-e2803d882a29";

	static String getPet(String id) {
		return "<p:GetPetRequest xmlns:p=\"" + NS + "\"><p:id>" + id + "</p:id></p:GetPetRequest>";
	}

	@Test
	void soap12IsAnsweredInSoap12AndSoap11InSoap11() {
		Reply soap12 = post12(envelope12(getPet(SEED_PET)));
		assertThat(soap12.status()).as(soap12.toString()).isEqualTo(200);
		assertThat(soap12.contentType()).startsWith("application/soap+xml");
		Document document = xml(soap12.body());
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP12);
		assertThat(text(document, NS, "name")).isEqualTo("Spike");

		Reply soap11 = post11(envelope11(getPet(SEED_PET)));
		assertThat(soap11.status()).isEqualTo(200);
		assertThat(soap11.contentType()).startsWith("text/xml");
		assertThat(xml(soap11.body()).getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);

		assertSenderFault12(post12(envelope12(getPet("019b4132-70aa-764f-b315-e2803d882a20"))), "NOT_FOUND");
		assertClientFault11(post11(envelope11(getPet("nope"))), "BAD_REQUEST");
	}

	@Test
	void malformedXmlAndWrongEnvelopesAreClientFaults() {
		assertClientFault11(post11("this is not xml"), "BAD_REQUEST");
		assertClientFault11(post11(envelope11(getPet(SEED_PET)).replace("</s:Body>", "")), "BAD_REQUEST");
		assertSenderFault12(post12("<e:Envelope xmlns:e=\"" + SOAP12 + "\"><e:Body>"), "BAD_REQUEST");
		assertClientFault11(post11(""), "BAD_REQUEST");
		// an envelope of the other version than the Content-Type says, or of no SOAP version at all
		assertClientFault11(post11(envelope12(getPet(SEED_PET))), "BAD_REQUEST");
		assertSenderFault12(post12(envelope11(getPet(SEED_PET))), "BAD_REQUEST");
		assertClientFault11(post11("<Envelope xmlns=\"urn:not-soap\"><Body/></Envelope>"), "BAD_REQUEST");
	}

	@Test
	void unknownOperationsAndNamespacesAreClientFaults() {
		Document unknown = assertClientFault11(post11(envelope11("<p:AdoptEverythingRequest xmlns:p=\"" + NS + "\"/>")),
				"BAD_REQUEST");
		assertThat(text(unknown, NS, "message")).contains("petstore.wsdl");
		assertClientFault11(post11(envelope11(getPet(SEED_PET).replace(NS, "urn:wrong"))), "BAD_REQUEST");
		assertSenderFault12(post12(envelope12("")), "BAD_REQUEST");
		// a known operation with elements the XSD does not have, or a number that is none
		assertClientFault11(post11(envelope11("<p:GetPetRequest xmlns:p=\"" + NS + "\"><p:id>" + SEED_PET
				+ "</p:id><p:extra>1</p:extra></p:GetPetRequest>")), "BAD_REQUEST");
		assertClientFault11(post11(envelope11("<p:ListPetsRequest xmlns:p=\"" + NS + "\"><p:limit>ten</p:limit></p:ListPetsRequest>")),
				"BAD_REQUEST");
		// GET is not SOAP
		assertThat(api.get("/v1/soap").status()).isEqualTo(405);
	}

	@Test
	void dtdsExternalEntitiesAndEntityExpansionAreRefused() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ envelope11(getPet("&xxe;")).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
		Document refused = assertClientFault11(post11(xxe), "BAD_REQUEST");
		assertThat(text(refused, NS, "message")).contains("DTD");
		assertThat(post11(xxe).body()).doesNotContain("root:");

		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
		for (int i = 2; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			laughs.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append("]>").append(envelope12(getPet("&lol9;")).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length()));
		assertSenderFault12(post12(laughs.toString()), "BAD_REQUEST");

		// a parameter entity pulling an external DTD
		String external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]>"
				+ envelope11(getPet(SEED_PET)).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
		assertClientFault11(post11(external), "BAD_REQUEST");
	}

	@Test
	void aBodyPastTheCapIsAClientFault() {
		String huge = envelope11(getPet(SEED_PET) + "<!--" + "x".repeat(2 * 1024 * 1024) + "-->");
		// refused at the declared length, before the body is read; as below, the reset of a connection
		// closed with unread bytes can swallow the fault, and either is a refusal
		Reply declaredReply;
		try {
			declaredReply = post11(huge);
		}
		catch (IllegalStateException reset) {
			assertThat(reset).hasCauseInstanceOf(java.io.IOException.class);
			declaredReply = null;
		}
		if (declaredReply != null) {
			Document declared = assertClientFault11(declaredReply, "TOO_LARGE");
			assertThat(text(declared, NS, "type")).isEqualTo("payload-too-large");
		}
		// chunked: no Content-Length, cut off while reading. The server stops reading at the cap and
		// answers the fault; closing a connection with unread request bytes resets it, and the reset
		// may destroy the answer before the client reads it (TCP), so either is a refusal here
		Reply chunked;
		try {
			chunked = api.send("POST", "/v1/soap", "application/soap+xml; charset=utf-8",
					BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(envelope12("<!--" + "y".repeat(2 * 1024 * 1024) + "-->")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		}
		catch (IllegalStateException reset) {
			assertThat(reset).hasCauseInstanceOf(java.io.IOException.class);
			chunked = null;
		}
		if (chunked != null) {
			assertSenderFault12(chunked, "TOO_LARGE");
		}
	}

	@Test
	void credentialsComeFromTheHttpHeadersAndTheAuditLogSaysSoap() {
		String create = "<p:CreatePetRequest xmlns:p=\"" + NS + "\"><p:pet><p:name>Audited</p:name><p:species>CAT</p:species>"
				+ "<p:ageMonths>3</p:ageMonths><p:price>12.50</p:price></p:pet></p:CreatePetRequest>";
		// a bad token: a SOAP fault, not Spring Security's JSON 401
		assertClientFault11(post11(envelope11(create), "Authorization", "Bearer not-a-token"), "UNAUTHORIZED");
		assertClientFault11(post11(envelope11(create), "Authorization", "Basic abc"), "UNAUTHORIZED");
		assertClientFault11(post11(envelope11(create)), "UNAUTHORIZED");
		assertClientFault11(post11(envelope11(getPet(SEED_PET)), "X-Tenant-ID", "not a tenant"), "BAD_REQUEST");
		// an unknown species is REST's invalid_enum
		Document invalid = assertClientFault11(post11(envelope11(create.replace("CAT", "DRAGON")), "Authorization",
				"Bearer " + register("enum").token()), "INVALID");
		assertThat(text(invalid, NS, "field")).isEqualTo("species");
		assertThat(text(invalid, NS, "code")).isEqualTo("invalid_enum");

		Account user = register("auditee");
		Reply created = post12(envelope12(create), "Authorization", "Bearer " + user.token(), "User-Agent", "raw-soap/1.0");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		String petId = text(xml(created.body()), NS, "id");

		// counted once per request, through the caller context (the HTTP filter leaves /v1/soap to it)
		String bucket = io.petstore.ratelimit.RateLimits.keyFor(user.token(), "127.0.0.1");
		long before = limits.consume(bucket).remaining();
		assertThat(post11(envelope11(getPet(SEED_PET)), "Authorization", "Bearer " + user.token()).status()).isEqualTo(200);
		long after = limits.consume(bucket).remaining();
		assertThat(before - after).isEqualTo(2); // the SOAP call and our own second look

		ApiClient admin = admin();
		JsonNode record = admin.get("/v1/admin/audit-logs?action=PET_CREATED&entityId=" + petId).json().get("data").get(0);
		assertThat(record.get("protocol").asString()).isEqualTo("SOAP");
		assertThat(record.get("request").asString()).isEqualTo("CreatePet");
		assertThat(record.get("userAgent").asString()).isEqualTo("raw-soap/1.0");
		assertThat(record.get("actor").asString()).isEqualTo("user:" + user.username());
		assertThat(record.get("ipAddress").asString()).isNotBlank();
	}

}
