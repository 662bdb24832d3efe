package io.petstore.soap;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.oxm.UnmarshallingFailureException;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.server.EndpointExceptionResolver;
import org.springframework.ws.soap.SoapBody;
import org.springframework.ws.soap.SoapFault;
import org.springframework.ws.soap.SoapMessage;

import io.petstore.soap.xml.FieldError;
import io.petstore.soap.xml.PetstoreFault;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * The one place where errors become SOAP faults. A {@link DomainException} a client caused (every
 * kind but UNAVAILABLE) is a Client (1.1) / Sender (1.2) fault; UNAVAILABLE a Server/Receiver fault
 * saying to retry; anything else a Server/Receiver fault with a generic message (the exception is
 * logged, never sent). The detail is a {@code PetstoreFault}: kind, REST's problem type, message,
 * retryAfterSeconds, and for INVALID each field (field, message, code). Every fault is answered
 * with HTTP 500 ({@link SoapReceiverAdapter} says why).
 */
class SoapFaults implements EndpointExceptionResolver, Ordered {

	private static final Log logger = LogFactory.getLog(SoapFaults.class);

	static final String INTERNAL = "INTERNAL";

	private final Jaxb2Marshaller marshaller;

	SoapFaults(Jaxb2Marshaller marshaller) {
		this.marshaller = marshaller;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean resolveException(MessageContext messageContext, Object endpoint, Exception ex) {
		write((SoapMessage) messageContext.getResponse(), describe(ex));
		return true;
	}

	/** What the client is told about an exception. */
	static DomainException describe(Throwable ex) {
		if (ex instanceof DomainException domain) {
			return domain;
		}
		if (ex instanceof UnmarshallingFailureException unreadable) {
			Throwable cause = unreadable.getMostSpecificCause();
			String why = cause.getMessage() == null ? "" : ": " + cause.getMessage();
			return DomainException.badRequest("The request payload does not fit petstore-types.xsd" + why);
		}
		logger.error("SOAP operation failed", ex);
		return null;
	}

	/** Writes the fault for the refusal (null: an internal error) into an empty message. */
	void write(SoapMessage message, DomainException refusal) {
		SoapBody body = message.getSoapBody();
		PetstoreFault detail = new PetstoreFault();
		SoapFault fault;
		if (refusal == null) {
			fault = body.addServerOrReceiverFault("Internal error; the request was not completed.", Locale.ENGLISH);
			detail.setKind(INTERNAL);
			detail.setType("internal-error");
			detail.setMessage("Internal error; the request was not completed.");
		}
		else {
			fault = refusal.kind() == DomainException.Kind.UNAVAILABLE
					? body.addServerOrReceiverFault(refusal.getMessage(), Locale.ENGLISH)
					: body.addClientOrSenderFault(refusal.getMessage(), Locale.ENGLISH);
			detail.setKind(refusal.kind().name());
			detail.setType(refusal.type());
			detail.setMessage(refusal.getMessage());
			detail.setRetryAfterSeconds(refusal.retryAfterSeconds());
			for (FieldIssue issue : refusal.errors()) {
				FieldError error = new FieldError();
				error.setField(issue.field());
				error.setMessage(issue.message());
				error.setCode(issue.code());
				detail.getFieldError().add(error);
			}
		}
		marshaller.marshal(detail, fault.addFaultDetail().getResult());
	}

}
