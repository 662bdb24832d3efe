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
 * Every fault is answered with HTTP 500: SOAP 1.1 requires it, and although SOAP 1.2 allows 400 for
 * a Sender fault (which Spring WS sends), clients such as Apache CXF then report an HTTP error
 * instead of the fault; 500 is what SOAP stacks send and read for both versions.
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
			return super.handle(request, new FaultsAs500(response), handler);
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

	/** A fault written straight to the response, with 500 as every fault. */
	private void send(HttpServletResponse response, boolean soap12, DomainException reason) throws Exception {
		SoapMessage fault = messages.create(soap12);
		faults.write(fault, reason);
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		response.setContentType(soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
		fault.writeTo(response.getOutputStream());
	}

	/** Spring WS's 400 for a SOAP 1.2 Sender fault becomes 500 (see above). */
	private static final class FaultsAs500 extends jakarta.servlet.http.HttpServletResponseWrapper {

		FaultsAs500(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setStatus(int status) {
			super.setStatus(status == SC_BAD_REQUEST ? SC_INTERNAL_SERVER_ERROR : status);
		}

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
