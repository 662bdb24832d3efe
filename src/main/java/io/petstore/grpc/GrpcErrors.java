package io.petstore.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * The one mapping of domain refusals ({@link DomainException#kind()}) to gRPC status codes, with
 * the standard error details of {@code google/rpc/error_details.proto}: {@code ErrorInfo} (reason:
 * REST's problem type), {@code BadRequest} field violations for invalid input (REST's field names
 * and codes), {@code RetryInfo} when the refusal says when to retry. Anything unexpected is
 * INTERNAL with a generic message (the exception is logged, never sent).
 */
final class GrpcErrors {

	private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

	static final String DOMAIN = "petstore.io";

	private GrpcErrors() {
	}

	/** As {@link #toStatus(Throwable, Status.Code)}, a conflict being a FAILED_PRECONDITION (the state forbids it). */
	static StatusRuntimeException toStatus(Throwable failure) {
		return toStatus(failure, Status.Code.FAILED_PRECONDITION);
	}

	/**
	 * The status a failure is answered with.
	 * @param conflict what a CONFLICT means for this operation: FAILED_PRECONDITION (an order's state)
	 * or ALREADY_EXISTS (a taken username or email)
	 */
	static StatusRuntimeException toStatus(Throwable failure, Status.Code conflict) {
		if (failure instanceof StatusRuntimeException status) {
			return status;
		}
		if (failure instanceof StatusException status) {
			return status.getStatus().asRuntimeException(status.getTrailers());
		}
		if (failure instanceof DomainException refusal) {
			return domain(refusal, conflict);
		}
		log.error("Unexpected failure of a gRPC call", failure);
		return rich(Status.Code.INTERNAL, "Internal error.", "internal-error", List.of(), null);
	}

	/** The code of each kind of refusal. */
	static Status.Code code(DomainException.Kind kind, Status.Code conflict) {
		return switch (kind) {
			case BAD_REQUEST, INVALID -> Status.Code.INVALID_ARGUMENT;
			case UNAUTHORIZED -> Status.Code.UNAUTHENTICATED;
			case FORBIDDEN -> Status.Code.PERMISSION_DENIED;
			case NOT_FOUND -> Status.Code.NOT_FOUND;
			case CONFLICT -> conflict;
			case TOO_MANY_REQUESTS, TOO_LARGE -> Status.Code.RESOURCE_EXHAUSTED;
			case UNAVAILABLE -> Status.Code.UNAVAILABLE;
		};
	}

	private static StatusRuntimeException domain(DomainException refusal, Status.Code conflict) {
		return rich(code(refusal.kind(), conflict), refusal.getMessage(), refusal.type(), refusal.errors(),
				refusal.retryAfterSeconds());
	}

	private static StatusRuntimeException rich(Status.Code code, String message, String reason, List<FieldIssue> issues,
			Long retryAfterSeconds) {
		com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
			.setCode(code.value())
			.setMessage(message == null ? code.name() : message)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build()));
		if (!issues.isEmpty()) {
			BadRequest.Builder badRequest = BadRequest.newBuilder();
			for (FieldIssue issue : issues) {
				badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
					.setField(issue.field())
					.setDescription(issue.message() == null ? "" : issue.message())
					.setReason(issue.code() == null ? "invalid" : issue.code()));
			}
			status.addDetails(Any.pack(badRequest.build()));
		}
		if (retryAfterSeconds != null) {
			status.addDetails(Any.pack(RetryInfo.newBuilder()
				.setRetryDelay(Duration.newBuilder().setSeconds(retryAfterSeconds))
				.build()));
		}
		return StatusProto.toStatusRuntimeException(status.build());
	}

}
