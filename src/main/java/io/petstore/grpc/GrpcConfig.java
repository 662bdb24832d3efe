package io.petstore.grpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

import io.petstore.auth.CallContexts;

/** The call interceptor of every service, and the last resort for what a service let escape. */
@Configuration(proxyBeanMethods = false)
class GrpcConfig {

	@Bean
	@GlobalServerInterceptor
	GrpcCallInterceptor petstoreCallInterceptor(CallContexts contexts) {
		return new GrpcCallInterceptor(contexts);
	}

	/** Whatever escapes a service (it should not): mapped like the rest, never UNKNOWN nor the exception's text. */
	@Bean
	GrpcExceptionHandler petstoreGrpcExceptionHandler() {
		return failure -> {
			io.grpc.StatusRuntimeException status = GrpcErrors.toStatus(failure);
			return status.getStatus().asException(status.getTrailers());
		};
	}

}
