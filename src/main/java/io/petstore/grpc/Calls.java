package io.petstore.grpc;

import java.util.function.Function;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.v1.DomainException;

/**
 * How a service method runs a module operation: within the call's context (so the audit log
 * records protocol GRPC, the method, the peer and the user agent), its refusals mapped by
 * {@link GrpcErrors}, nothing done for a call already cancelled or past its deadline.
 */
final class Calls {

	private Calls() {
	}

	/** One answer; a CONFLICT is FAILED_PRECONDITION. */
	static <T> void unary(StreamObserver<T> response, Function<CallContext, T> operation) {
		unary(response, Status.Code.FAILED_PRECONDITION, operation);
	}

	/** One answer; {@code conflict} says what a CONFLICT means here (ALREADY_EXISTS for a taken name). */
	static <T> void unary(StreamObserver<T> response, Status.Code conflict, Function<CallContext, T> operation) {
		if (Context.current().isCancelled()) {
			response.onError(Status.CANCELLED.withDescription("The call was cancelled or its deadline passed.").asRuntimeException());
			return;
		}
		T result;
		try {
			CallContext call = GrpcCall.current().context();
			result = CallContexts.within(call, () -> operation.apply(call));
		}
		catch (RuntimeException failure) {
			response.onError(GrpcErrors.toStatus(failure, conflict));
			return;
		}
		response.onNext(result);
		response.onCompleted();
	}

	/**
	 * Who is calling comes before what they sent (as REST's URL rules): a write without a token is
	 * UNAUTHENTICATED before its message is validated. Scopes, tenant and ownership stay the module's checks.
	 */
	static void requireToken(CallContext call) {
		if (!call.authenticated()) {
			throw DomainException.unauthorized("This operation requires a bearer token (authorization: Bearer <token>).");
		}
	}

	/** Runs one operation of a stream within the call's context; refusals are thrown as they are. */
	static <T> T within(GrpcCall call, Function<CallContext, T> operation) {
		return CallContexts.within(call.context(), () -> operation.apply(call.context()));
	}

	/** Refuses to go on with a call that was cancelled or whose deadline passed. */
	static void requireLive(Context context) {
		if (context.isCancelled()) {
			Status status = context.getDeadline() != null && context.getDeadline().isExpired() ? Status.DEADLINE_EXCEEDED
					: Status.CANCELLED;
			throw status.withDescription("The call was cancelled or its deadline passed.").asRuntimeException();
		}
	}

}
