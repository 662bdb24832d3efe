package io.petstore.soap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ws.transport.http.WsdlDefinitionHandlerAdapter;

/**
 * Serves the WSDL with its relative addresses ({@code /v1/soap}) made absolute from the request's
 * own scheme, host and port. Spring WS's default also reads {@code X-Forwarded-Proto/Host/Port}
 * from any client (a made-up host in the served WSDL; a port that is not a number a 500); here they
 * count only where the server is told to trust them ({@code server.forward-headers-strategy}),
 * through the request itself.
 */
class SoapWsdlAdapter extends WsdlDefinitionHandlerAdapter {

	@Override
	protected String transformLocation(String location, HttpServletRequest request) {
		if (!location.startsWith("/")) {
			return location;
		}
		return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath()
				+ location;
	}

}
