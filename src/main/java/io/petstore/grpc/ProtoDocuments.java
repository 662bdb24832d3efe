package io.petstore.grpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.apidocs.ApiDocument;

/**
 * Serves the hand-written proto files (shipped in the jar under {@code petstore/v1/}) at
 * {@code /v1/grpc/{name}.proto} as text/plain, and lists them on the docs page.
 */
@RestController
class ProtoDocuments {

	/** The proto files, by the name they are served under. */
	static final List<String> NAMES = List.of("pets", "orders", "payments", "users", "inventory");

	private final Map<String, byte[]> files;

	ProtoDocuments() {
		this.files = NAMES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), ProtoDocuments::read));
	}

	private static byte[] read(String name) {
		try (InputStream in = new ClassPathResource("petstore/v1/" + name + ".proto").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("petstore/v1/" + name + ".proto is missing from the classpath", ex);
		}
	}

	@GetMapping(path = "/v1/grpc/{name}.proto", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
	ResponseEntity<byte[]> proto(@PathVariable String name) {
		byte[] file = files.get(name);
		return file == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(file);
	}

	@Bean
	static ApiDocument grpcPetsDocument() {
		return new ApiDocument("gRPC: pets.proto", "/v1/grpc/pets.proto", 60, "protobuf");
	}

	@Bean
	static ApiDocument grpcOrdersDocument() {
		return new ApiDocument("gRPC: orders.proto", "/v1/grpc/orders.proto", 61, "protobuf");
	}

	@Bean
	static ApiDocument grpcPaymentsDocument() {
		return new ApiDocument("gRPC: payments.proto", "/v1/grpc/payments.proto", 62, "protobuf");
	}

	@Bean
	static ApiDocument grpcUsersDocument() {
		return new ApiDocument("gRPC: users.proto", "/v1/grpc/users.proto", 63, "protobuf");
	}

	@Bean
	static ApiDocument grpcInventoryDocument() {
		return new ApiDocument("gRPC: inventory.proto", "/v1/grpc/inventory.proto", 64, "protobuf");
	}

}
