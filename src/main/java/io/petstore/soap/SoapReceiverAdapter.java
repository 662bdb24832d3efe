package io.petstore.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.ws.InvalidXmlException;
import org.springframework.ws.NoEndpointFoundException;
import org.springframework.ws.soap.SoapMessage;
import org.springframework.ws.transport.FaultAwareWebServiceConnection;
import org.springframework.ws.transport.WebServiceConnection;
import org.springframework.ws.transport.WebServiceMessageReceiver;
import org.springframework.ws.transport.http.HttpServletConnection;
import org.springframework.ws.transport.http.WebServiceMessageReceiverHandlerAdapter;

import io.petstore.v1.DomainException;
import io.petstore.web.RequestTooLargeException;

/**
 * Answers with a client fault, instead of Spring WS's bodiless 400 and 404, what fails before an
 * operation runs: a request that is not a SOAP envelope ({@link InvalidXmlException}, see {@link SoapMessages}),
 * a body past the size cap, and a payload no operation takes (unknown operation, wrong namespace).
 */
class SoapReceiverAdapter extends WebServiceMessageReceiverHandlerAdapter {

	private final SoapMessages messages;

	private final SoapFaults faults;

	SoapReceiverAdapter(SoapMessages messages, SoapFaults faults) {
		this.messages = messages;
		this.faults = faults;
		setMessageFactory(messages);
	}

	@Override
	public ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		try {
			return super.handle(request, response, handler);
		}
		catch (Exception ex) {
			RequestTooLargeException tooLarge = RequestTooLargeException.findIn(ex);
			if (tooLarge == null || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			send(response, SoapMessages.soap12(request),
					DomainException.tooLarge("The request body is too large: " + tooLarge.getMessage() + "."));
			return null;
		}
	}

	@Override
	protected void handleInvalidXmlException(HttpServletRequest request, HttpServletResponse response, Object handler,
			InvalidXmlException ex) throws Exception {
		DomainException reason = ex.getCause() instanceof DomainException refusal ? refusal
				: DomainException.badRequest("The request is not a well-formed SOAP message.");
		send(response, SoapMessages.soap12(request), reason);
	}

	@Override
	protected void handleNoEndpointFoundException(NoEndpointFoundException ex, WebServiceConnection connection,
			WebServiceMessageReceiver receiver) throws Exception {
		boolean soap12 = connection instanceof HttpServletConnection http && SoapMessages.soap12(http.getHttpServletRequest());
		send(connection, soap12, DomainException.badRequest(
				"No operation takes this payload; the operations and their namespace are in /v1/soap/petstore.wsdl."));
	}

	/** A fault written straight to the response: 500, or 400 for a SOAP 1.2 Sender fault (as Spring WS answers faults). */
	private void send(HttpServletResponse response, boolean soap12, DomainException reason) throws Exception {
		SoapMessage fault = messages.create(soap12);
		faults.write(fault, reason);
		response.setStatus(soap12 && reason != null && reason.kind() != DomainException.Kind.UNAVAILABLE ? 400 : 500);
		response.setContentType(soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
		fault.writeTo(response.getOutputStream());
	}

	private void send(WebServiceConnection connection, boolean soap12, DomainException reason) throws Exception {
		SoapMessage fault = messages.create(soap12);
		faults.write(fault, reason);
		if (connection instanceof FaultAwareWebServiceConnection aware) {
			aware.setFaultCode(fault.getFaultCode());
		}
		connection.send(fault);
	}

}
