package io.petstore.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.soap.SoapMessage;

import io.petstore.v1.DomainException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of errors to faults, without a server: an unexpected exception is a Server/Receiver
 * fault whose text says nothing of the exception; UNAVAILABLE a Server fault with its retry hint;
 * what a client caused a Client/Sender fault.
 */
class SoapFaultsTest {

	private final SoapFaults faults;

	private final SoapMessages messages;

	SoapFaultsTest() throws Exception {
		Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
		marshaller.setPackagesToScan("io.petstore.soap.xml");
		marshaller.afterPropertiesSet();
		faults = new SoapFaults(marshaller);
		messages = new SoapMessages();
	}

	private String fault(boolean soap12, Exception ex) throws Exception {
		SoapMessage message = messages.create(soap12);
		faults.write(message, SoapFaults.describe(ex));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void unexpectedErrorsAreGenericServerFaults() throws Exception {
		String soap11 = fault(false, new IllegalStateException("connection to db-7.internal refused"));
		assertThat(soap11).contains(":Server</faultcode>").contains("<ns2:kind>INTERNAL</ns2:kind>")
			.doesNotContain("db-7").doesNotContain("IllegalStateException");
		String soap12 = fault(true, new NullPointerException("secret"));
		assertThat(soap12).contains(":Receiver</").doesNotContain("secret").doesNotContain("NullPointer");
	}

	@Test
	void unavailableIsAServerFaultWithRetryAndClientKindsAreClientFaults() throws Exception {
		assertThat(fault(false, DomainException.unavailable("The bearer token could not be checked now; try again.")))
			.contains(":Server</faultcode>").contains("<ns2:kind>UNAVAILABLE</ns2:kind>")
			.contains("<ns2:retryAfterSeconds>1</ns2:retryAfterSeconds>");
		for (DomainException refusal : new DomainException[] { DomainException.badRequest("b"), DomainException.unauthorized("u"),
				DomainException.forbidden("f"), DomainException.notFound("pet", "x"), DomainException.conflict("c"),
				DomainException.invalid("name", "must not be blank", "required"), DomainException.rateLimited(7),
				DomainException.tooLarge("t") }) {
			assertThat(fault(false, refusal)).as(refusal.kind().name()).contains(":Client</faultcode>")
				.contains("<ns2:kind>" + refusal.kind().name() + "</ns2:kind>");
			assertThat(fault(true, refusal)).as(refusal.kind().name()).contains(":Sender</");
		}
		assertThat(fault(false, DomainException.rateLimited(7))).contains("<ns2:retryAfterSeconds>7</ns2:retryAfterSeconds>");
		assertThat(fault(true, DomainException.invalid("name", "must not be blank", "required")))
			.contains("<ns2:field>name</ns2:field>").contains("<ns2:code>required</ns2:code>");
	}

}
