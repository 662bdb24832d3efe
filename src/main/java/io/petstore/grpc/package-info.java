/**
 * The gRPC adapter of the Modern Pet Store: the services of the hand-written {@code petstore.v1}
 * proto files ({@code src/main/proto}, served at {@code /v1/grpc/{name}.proto}) on the Spring gRPC
 * server's own port ({@code spring.grpc.server.port}), with server reflection and health. A thin
 * edge over the module APIs: {@link io.petstore.grpc.GrpcCallInterceptor} turns each call's
 * metadata ({@code authorization}, {@code x-tenant-id}) into an {@code auth.CallContext}, each
 * service ({@code PetGrpcService}, {@code OrderGrpcService}, ...) converts messages to the modules'
 * input records and calls the module APIs within that context, and {@link io.petstore.grpc.GrpcErrors}
 * maps domain refusals to status codes in one place. Streams come from {@code live.LiveEvents}.
 * Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "gRPC adapter")
package io.petstore.grpc;
