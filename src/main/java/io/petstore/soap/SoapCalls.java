package io.petstore.soap;

import java.util.function.BiFunction;

import javax.xml.transform.Source;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.stereotype.Component;
import org.springframework.ws.transport.context.TransportContext;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.tenancy.Tenant;

/**
 * The edge of every SOAP operation: the caller from the HTTP request that carried the envelope
 * ({@code Authorization: Bearer ...}, {@code X-Tenant-ID}, client address, User-Agent) through
 * {@link CallContexts}, which counts it against the rate limit (the HTTP filter leaves /v1/soap to it);
 * then the payload, read with the strict marshaller; then the operation, run
 * {@link CallContexts#within within} the call so that the audit log records protocol SOAP.
 */
@Component
class SoapCalls {

	private final CallContexts contexts;

	private final Jaxb2Marshaller marshaller;

	SoapCalls(CallContexts contexts, Jaxb2Marshaller soapMarshaller) {
		this.contexts = contexts;
		this.marshaller = soapMarshaller;
	}

	/** Who is calling first (a bad token is refused before the payload is read), then the operation. */
	<R, T> T run(String operation, Source payload, Class<R> type, BiFunction<CallContext, R, T> body) {
		HttpServletRequest request = request();
		CallContext call = contexts.open(Credentials.of(request.getHeader("Authorization"),
				request.getHeader(Tenant.HEADER),
				new Origin("SOAP", request.getRemoteAddr(), request.getHeader("User-Agent"), operation)));
		R input = type.cast(marshaller.unmarshal(payload));
		return CallContexts.within(call, () -> body.apply(call, input));
	}

	private static HttpServletRequest request() {
		TransportContext context = TransportContextHolder.getTransportContext();
		if (context != null && context.getConnection() instanceof HttpServletConnection http) {
			return http.getHttpServletRequest();
		}
		throw new IllegalStateException("SOAP operations are served over HTTP only");
	}

}
