package io.petstore.websocket;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import tools.jackson.databind.json.JsonMapper;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.supportchat.ChatLimits;
import io.petstore.supportchat.Connected;
import io.petstore.supportchat.SupportChat;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;
import io.petstore.v1.Problems;

/**
 * Who connects: the token of {@code ?token=} or {@code Authorization: Bearer}, the tenant of
 * {@code X-Tenant-ID} or {@code ?tenant=}, checked by {@link CallContexts#open} (which counts the
 * rate limit) and by {@link SupportChat#connected} (a user's token with {@code chat:write}). A
 * refused upgrade answers a problem body: 400 (bad tenant), 401 (no or bad token), 403 (no user
 * or scope), 429 (rate limit or {@link ChatLimits#connectionsPerUser} reached), 503.
 */
@Component
class ChatHandshake implements HandshakeInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(ChatHandshake.class);

	static final String CALL = "petstore.call";

	static final String TOKEN = "petstore.token";

	static final String CONNECTED = "petstore.connected";

	private final CallContexts contexts;

	private final SupportChat chat;

	private final Connections connections;

	private final ChatLimits limits;

	private final JsonMapper json;

	ChatHandshake(CallContexts contexts, SupportChat chat, Connections connections, ChatLimits limits, JsonMapper json) {
		this.contexts = contexts;
		this.chat = chat;
		this.connections = connections;
		this.limits = limits;
		this.json = json;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		try {
			HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
			String header = servlet.getHeader("Authorization");
			String queryToken = servlet.getParameter("token");
			Credentials credentials;
			Origin origin = new Origin("WEBSOCKET", servlet.getRemoteAddr(), servlet.getHeader("User-Agent"), "GET " + ChatWebSocketConfig.PATH);
			String tenant = servlet.getHeader(Tenant.HEADER);
			if (tenant == null || tenant.isBlank()) {
				tenant = servlet.getParameter("tenant");
			}
			if (header != null && !header.isBlank()) {
				credentials = Credentials.of(header, tenant, origin);
			}
			else {
				credentials = new Credentials(queryToken == null || queryToken.isBlank() ? null : queryToken, tenant, origin);
			}
			if (credentials.bearerToken() == null) {
				throw DomainException.unauthorized("The chat needs a bearer token: ?token=<JWT> or Authorization: Bearer <JWT>.");
			}
			CallContext call = contexts.open(credentials);
			Connected connected = chat.connected(call);
			if (connections.count(call.tenant(), connected.user().id()) >= limits.connectionsPerUser()) {
				throw new DomainException(DomainException.Kind.TOO_MANY_REQUESTS, "too-many-connections",
						"This user holds " + limits.connectionsPerUser() + " chat connections already; close one first.", null);
			}
			attributes.put(CALL, call);
			attributes.put(TOKEN, credentials.bearerToken());
			attributes.put(CONNECTED, connected);
			return true;
		}
		catch (DomainException refused) {
			refuse(request, response, refused);
			return false;
		}
		catch (RuntimeException unexpected) {
			LOG.warn("Chat handshake failed", unexpected);
			refuse(request, response, new DomainException(DomainException.Kind.UNAVAILABLE, "internal-error",
					"The chat could not be opened now; try again.", null));
			return false;
		}
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
	}

	private void refuse(ServerHttpRequest request, ServerHttpResponse response, DomainException refused) throws IOException {
		HttpStatus status = switch (refused.kind()) {
			case BAD_REQUEST, INVALID -> HttpStatus.BAD_REQUEST;
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.BAD_REQUEST;
		};
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set("WWW-Authenticate", "Bearer");
		}
		if (refused.retryAfterSeconds() != null) {
			response.getHeaders().set("Retry-After", Long.toString(refused.retryAfterSeconds()));
		}
		else if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.getHeaders().set("Retry-After", "1");
		}
		response.getBody().write(json.writeValueAsBytes(Problems.of(status, refused.getMessage(), request.getURI().getPath())));
	}

}
