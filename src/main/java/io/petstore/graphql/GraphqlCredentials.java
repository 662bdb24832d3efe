package io.petstore.graphql;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * Credentials to call context, for both transports. Over HTTP the {@code Authorization} and
 * {@code X-Tenant-ID} headers of each request (counted there: the HTTP rate-limit filter leaves /v1/graphql to the core); over WebSocket
 * those of the {@code connection_init} payload, counted once there and again for each further
 * operation. A refusal (bad token, bad tenant, rate limit) is kept and answered by every field that
 * needs the context, as a GraphQL error (never a failed request). Also sets the parser's limits.
 */
@Component
class GraphqlCredentials implements WebSocketGraphQlInterceptor {

	static final String PROTOCOL = "GRAPHQL";

	private static final String SESSION_CONTEXT = CallContext.class.getName();

	private static final String SESSION_FAILURE = CallContext.class.getName() + ".failure";

	private static final String SESSION_TOKEN = CallContext.class.getName() + ".token";

	private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation|subscription)?\\s*([_A-Za-z][_0-9A-Za-z]*)?");

	private static final Pattern FIRST_FIELD = Pattern.compile("\\{\\s*(?:[_A-Za-z][_0-9A-Za-z]*\\s*:\\s*)?([_A-Za-z][_0-9A-Za-z]*)");

	private final CallContexts contexts;

	GraphqlCredentials(CallContexts contexts) {
		this.contexts = contexts;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
		String asking = describe(request.getDocument(), request.getOperationName());
		CallContext call = null;
		DomainException refused = null;
		if (request instanceof WebSocketGraphQlRequest socket) {
			Map<String, Object> session = socket.getSessionInfo().getAttributes();
			refused = (DomainException) session.get(SESSION_FAILURE);
			CallContext opened = (CallContext) session.get(SESSION_CONTEXT);
			if (refused == null && opened != null) {
				try {
					contexts.count(opened, (String) session.get(SESSION_TOKEN));
					call = opened.asking(asking);
				}
				catch (DomainException ex) {
					refused = ex;
				}
			}
			else if (refused == null) {
				refused = DomainException.unauthorized("The connection was not initialised (connection_init).");
			}
		}
		else {
			try {
				call = contexts.open(Credentials.of(request.getHeaders().getFirst("Authorization"),
						request.getHeaders().getFirst(Tenant.HEADER),
						new Origin(PROTOCOL, address(request.getRemoteAddress()), request.getHeaders().getFirst("User-Agent"), asking)));
			}
			catch (DomainException ex) {
				refused = ex;
			}
		}
		CallContext context = call;
		DomainException failure = refused;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(graphql -> {
			if (context != null) {
				graphql.put(GraphqlCalls.CONTEXT, context);
			}
			if (failure != null) {
				graphql.put(GraphqlCalls.FAILURE, failure);
			}
			graphql.put(ParserOptions.class, GraphqlLimits.PARSER);
		}).build());
		return chain.next(request);
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		Map<String, Object> attributes = session.getAttributes();
		try {
			String authorization = text(payload, "Authorization");
			Credentials credentials = Credentials.of(authorization, text(payload, Tenant.HEADER),
					new Origin(PROTOCOL, address(session.getRemoteAddress()), session.getHeaders().getFirst("User-Agent"),
							"connection_init"));
			attributes.put(SESSION_CONTEXT, contexts.open(credentials));
			if (credentials.bearerToken() != null) {
				attributes.put(SESSION_TOKEN, credentials.bearerToken());
			}
		}
		catch (DomainException ex) {
			attributes.put(SESSION_FAILURE, ex);
		}
		return Mono.empty();
	}

	/** {@code query|mutation|subscription <name>}: the operation's name, else its first field's. */
	static String describe(String document, String operationName) {
		String head = document == null ? "" : document.substring(0, Math.min(document.length(), 2000));
		Matcher operation = OPERATION.matcher(head);
		String type = "query";
		String name = operationName;
		if (operation.find()) {
			if (operation.group(1) != null) {
				type = operation.group(1);
				if (name == null) {
					name = operation.group(2);
				}
			}
		}
		if (name == null) {
			Matcher field = FIRST_FIELD.matcher(head);
			name = field.find() ? field.group(1) : "";
		}
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
		return (type + " " + name).strip();
	}

	private static String text(Map<String, Object> payload, String name) {
		if (payload == null) {
			return null;
		}
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() instanceof String value) {
				return value;
			}
		}
		return null;
	}

	private static String address(InetSocketAddress address) {
		return address == null ? null : address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
	}

}
