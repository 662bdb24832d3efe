package io.petstore.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a call comes from, as the audit log records it.
 * @param protocol {@code HTTP}, {@code GRAPHQL}, {@code GRPC}, {@code SOAP}, {@code WEBSOCKET}, ...
 * @param clientAddress the peer's address, if known
 * @param userAgent the client's name for itself, if it sent one
 * @param request what was asked, e.g. {@code POST /v1/orders} or {@code mutation placeOrder}
 */
public record Origin(String protocol, String clientAddress, String userAgent, String request) {

	/** The origin of a plain HTTP request. */
	public static Origin http(HttpServletRequest request) {
		return new Origin("HTTP", request.getRemoteAddr(), request.getHeader("User-Agent"),
				request.getMethod() + " " + request.getRequestURI());
	}

	/** The same origin asking something else (one operation of a WebSocket connection, say). */
	public Origin asking(String what) {
		return new Origin(protocol, clientAddress, userAgent, what);
	}

}
