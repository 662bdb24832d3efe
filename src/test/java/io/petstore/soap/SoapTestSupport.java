package io.petstore.soap;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.petstore.generated.soap.Petstore;
import io.petstore.generated.soap.PetstoreService;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the SOAP tests: users through REST, a CXF client of the served WSDL, raw envelopes. */
abstract class SoapTestSupport extends IntegrationTest {

	static final String NS = "https://petstoreapi.com/soap/v1";

	static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

	static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	record Account(String id, String username, String token) {
	}

	Account register(String prefix) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"SecurePass123!\",\"phone\":\"+18638982053\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new Account(reply.json().get("id").asString(), username, reply.json().get("token").asString());
	}

	/** A CXF client built from the WSDL the server serves, on the test's tenant, with the token (or none). */
	Petstore client(String token, boolean soap12) {
		try {
			PetstoreService service = new PetstoreService(URI.create(base() + "/v1/soap/petstore.wsdl").toURL());
			Petstore port = soap12 ? service.getPetstoreSoap12() : service.getPetstoreSoap11();
			Map<String, List<String>> headers = new HashMap<>();
			if (token != null) {
				headers.put("Authorization", List.of("Bearer " + token));
			}
			headers.put("X-Tenant-ID", List.of(tenant.toString()));
			headers.put("User-Agent", List.of("soap-test/1.0"));
			((BindingProvider) port).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, headers);
			return port;
		}
		catch (java.net.MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String endpointAddress(Petstore port) {
		return (String) ((BindingProvider) port).getRequestContext().get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY);
	}

	/** A SOAP 1.1 envelope around the payload. */
	static String envelope11(String payload) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP11 + "\"><s:Body>" + payload
				+ "</s:Body></s:Envelope>";
	}

	static String envelope12(String payload) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e:Envelope xmlns:e=\"" + SOAP12 + "\"><e:Body>" + payload
				+ "</e:Body></e:Envelope>";
	}

	Reply post11(String envelope, String... headers) {
		return api.send("POST", "/v1/soap", "text/xml; charset=utf-8", envelope, headers);
	}

	Reply post12(String envelope, String... headers) {
		return api.send("POST", "/v1/soap", "application/soap+xml; charset=utf-8", envelope, headers);
	}

	static Document xml(String text) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("not XML: " + text, ex);
		}
	}

	static String text(Document document, String namespace, String localName) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
		return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
	}

	/** Asserts a SOAP 1.1 Client fault with that kind in its PetstoreFault detail, answered with 500. */
	static Document assertClientFault11(Reply reply, String kind) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(500);
		assertThat(reply.contentType()).startsWith("text/xml");
		Document document = xml(reply.body());
		assertThat(text(document, "", "faultcode")).as(reply.body()).endsWith(":Client");
		assertThat(text(document, NS, "kind")).as(reply.body()).isEqualTo(kind);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return document;
	}

	/** Asserts a SOAP 1.2 Sender fault with that kind, answered with 500 (as every fault, see SoapReceiverAdapter). */
	static Document assertSenderFault12(Reply reply, String kind) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(500);
		assertThat(reply.contentType()).startsWith("application/soap+xml");
		Document document = xml(reply.body());
		assertThat(text(document, SOAP12, "Value")).as(reply.body()).endsWith(":Sender");
		assertThat(text(document, NS, "kind")).as(reply.body()).isEqualTo(kind);
		return document;
	}

}
