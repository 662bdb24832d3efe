package io.petstore.grpc;

import java.io.InputStream;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;

/**
 * A request that is not a valid protobuf message (truncated, a wrong wire type) is INVALID_ARGUMENT.
 * grpc-java parses requests before any interceptor or handler sees them and answers a parse failure
 * with UNKNOWN ("Application error processing RPC"); each service's definition is therefore rebuilt
 * with a request marshaller that hands the failure to the handler, which closes the call.
 */
final class MalformedMessages {

	private MalformedMessages() {
	}

	/** The service with every method's requests guarded; its descriptors (reflection) unchanged otherwise. */
	static ServerServiceDefinition guarded(ServerServiceDefinition service) {
		ServiceDescriptor original = service.getServiceDescriptor();
		ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
			.setSchemaDescriptor(original.getSchemaDescriptor());
		java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
		for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
			ServerMethodDefinition<?, ?> guarded = guard(method);
			descriptor.addMethod(guarded.getMethodDescriptor());
			methods.add(guarded);
		}
		ServerServiceDefinition.Builder rebuilt = ServerServiceDefinition.builder(descriptor.build());
		methods.forEach(rebuilt::addMethod);
		return rebuilt.build();
	}

	@SuppressWarnings("unchecked")
	private static <Q, R> ServerMethodDefinition<Q, R> guard(ServerMethodDefinition<Q, R> method) {
		MethodDescriptor<Q, R> original = method.getMethodDescriptor();
		MethodDescriptor<Object, R> descriptor = original
			.toBuilder(new Guarded<>(original.getRequestMarshaller()), original.getResponseMarshaller())
			.build();
		ServerCallHandler<Q, R> handler = method.getServerCallHandler();
		ServerCallHandler<Object, R> guarded = (call, headers) -> {
			ServerCall.Listener<Q> listener = handler.startCall((ServerCall<Q, R>) (ServerCall<?, R>) call, headers);
			return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Object>((ServerCall.Listener<Object>) listener) {

				private boolean refused;

				@Override
				public void onMessage(Object message) {
					if (refused) {
						return;
					}
					if (message instanceof Unparsable unparsable) {
						refused = true;
						call.close(Status.INVALID_ARGUMENT.withDescription("The request is not a valid "
								+ original.getFullMethodName().replaceAll("/.*", "") + " message: " + unparsable.reason()),
								new Metadata());
						return;
					}
					super.onMessage(message);
				}

				@Override
				public void onHalfClose() {
					if (!refused) {
						super.onHalfClose();
					}
				}

			};
		};
		return (ServerMethodDefinition<Q, R>) (ServerMethodDefinition<?, ?>) ServerMethodDefinition.create(descriptor, guarded);
	}

	/** What the guarded marshaller gives for bytes it cannot parse. */
	record Unparsable(String reason) {
	}

	private record Guarded<Q>(MethodDescriptor.Marshaller<Q> delegate) implements MethodDescriptor.Marshaller<Object> {

		@Override
		@SuppressWarnings("unchecked")
		public InputStream stream(Object value) {
			return delegate.stream((Q) value);
		}

		@Override
		public Object parse(InputStream stream) {
			try {
				return delegate.parse(stream);
			}
			catch (RuntimeException malformed) {
				return new Unparsable("invalid protobuf encoding");
			}
		}

	}

}
