package io.petstore.grpc;

import io.grpc.Context;

import io.petstore.auth.CallContext;

/**
 * The call being served, as {@link GrpcCallInterceptor} opened it: its context, and the bearer
 * token (to count a stream's further operations against the same rate limit).
 */
record GrpcCall(CallContext context, String bearerToken) {

	static final Context.Key<GrpcCall> KEY = Context.key("petstore.call");

	/** The call of the current gRPC context (set for every petstore.v1 method). */
	static GrpcCall current() {
		GrpcCall call = KEY.get();
		if (call == null) {
			throw new IllegalStateException("no petstore call context: GrpcCallInterceptor did not run");
		}
		return call;
	}

}
