package io.petstore.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;

/**
 * The edge of every petstore.v1 call: {@code authorization: Bearer <token>} and {@code x-tenant-id}
 * metadata become {@link Credentials}, {@link CallContexts#open} checks them (tenant, token, rate
 * limit) and the resulting context is bound to the call's gRPC context for the services. A refusal
 * closes the call with the mapped status before any service code runs. Reflection and health calls
 * pass unchecked.
 */
class GrpcCallInterceptor implements ServerInterceptor {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

	static final Metadata.Key<String> TENANT = Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER);

	static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);

	private static final String PACKAGE = "petstore.v1.";

	private final CallContexts contexts;

	GrpcCallInterceptor(CallContexts contexts) {
		this.contexts = contexts;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
		String method = call.getMethodDescriptor().getFullMethodName();
		if (!method.startsWith(PACKAGE)) {
			return next.startCall(call, headers);
		}
		GrpcCall opened;
		try {
			Credentials credentials = Credentials.of(headers.get(AUTHORIZATION), headers.get(TENANT),
					new Origin("GRPC", peer(call), headers.get(USER_AGENT), method));
			CallContext context = contexts.open(credentials);
			opened = new GrpcCall(context, credentials.bearerToken());
		}
		catch (RuntimeException refused) {
			StatusRuntimeException status = GrpcErrors.toStatus(refused);
			call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
			return new ServerCall.Listener<>() {
			};
		}
		return Contexts.interceptCall(Context.current().withValue(GrpcCall.KEY, opened), call, headers, next);
	}

	private static String peer(ServerCall<?, ?> call) {
		SocketAddress address = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
		if (address instanceof InetSocketAddress inet) {
			return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
		}
		return address == null ? null : address.toString();
	}

}
