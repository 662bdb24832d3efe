package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import io.petstore.grpc.v1.CreateTokenRequest;
import io.petstore.grpc.v1.CreateTokenResponse;
import io.petstore.grpc.v1.DeleteMeRequest;
import io.petstore.grpc.v1.GetInventoryRequest;
import io.petstore.grpc.v1.GetMeRequest;
import io.petstore.grpc.v1.Inventory;
import io.petstore.grpc.v1.InventoryServiceGrpc;
import io.petstore.grpc.v1.RegisterUserRequest;
import io.petstore.grpc.v1.UpdateMeRequest;
import io.petstore.grpc.v1.User;
import io.petstore.grpc.v1.UserServiceGrpc;
import tools.jackson.databind.JsonNode;

/** UserService (registration, tokens, me) and InventoryService. */
class GrpcUserServiceTest extends GrpcTestSupport {

	UserServiceGrpc.UserServiceBlockingStub users(String token) {
		return on(UserServiceGrpc.newBlockingStub(channel), token);
	}

	static RegisterUserRequest.Builder registration(String username) {
		return RegisterUserRequest.newBuilder().setUsername(username).setEmail(username + "@example.com").setFirstName("Kyle")
			.setLastName("Kihn").setPassword(PASSWORD).setPhone("+18638982053");
	}

	@Test
	void registerSignInAndManageMe() {
		String username = "grpc" + UUID.randomUUID().toString().substring(0, 8);
		User user = users(null).registerUser(registration(username).build());
		assertThat(user.getUsername()).isEqualTo(username);
		assertThat(user.getTenantId()).isEqualTo(tenant.toString());
		assertThat(code(() -> users(null).registerUser(registration(username).build()))).isEqualTo(Status.Code.ALREADY_EXISTS);
		StatusRuntimeException invalid = failure(() -> users(null).registerUser(registration("x").setEmail("nope").clearPassword().build()));
		assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(invalid)).containsExactly("email:invalid_format", "username:invalid_length");

		assertThat(code(() -> users(null).createToken(CreateTokenRequest.newBuilder().setUsername(username).setPassword("wrong-password")
			.build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(violations(failure(() -> users(null).createToken(CreateTokenRequest.getDefaultInstance()))))
			.containsExactly("password:required", "username:required");
		assertThat(code(() -> users(null).createToken(CreateTokenRequest.newBuilder().setUsername(username).setPassword(PASSWORD)
			.addScopes("fly:away").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		CreateTokenResponse token = users(null).createToken(CreateTokenRequest.newBuilder().setUsername(username).setPassword(PASSWORD)
			.build());
		assertThat(token.getExpiresAt().getSeconds()).isGreaterThan(System.currentTimeMillis() / 1000);
		// the token works over REST too
		assertThat(api.withToken(token.getToken()).get("/v1/users/" + user.getId()).status()).isEqualTo(200);

		assertThat(users(token.getToken()).getMe(GetMeRequest.getDefaultInstance())).isEqualTo(user);
		assertThat(code(() -> users(null).getMe(GetMeRequest.getDefaultInstance()))).isEqualTo(Status.Code.UNAUTHENTICATED);
		User changed = users(token.getToken()).updateMe(UpdateMeRequest.newBuilder().setFirstName("Kylie").build());
		assertThat(changed.getFirstName()).isEqualTo("Kylie");
		assertThat(changed.getLastName()).isEqualTo("Kihn");
		Account other = register("taken");
		assertThat(code(() -> users(token.getToken()).updateMe(UpdateMeRequest.newBuilder().setUsername(other.username()).build())))
			.isEqualTo(Status.Code.ALREADY_EXISTS);
		assertThat(violations(failure(() -> users(token.getToken()).updateMe(UpdateMeRequest.newBuilder().setPhone("call me").build()))))
			.containsExactly("phone:invalid_format");

		users(token.getToken()).deleteMe(DeleteMeRequest.getDefaultInstance());
		assertThat(code(() -> users(token.getToken()).getMe(GetMeRequest.getDefaultInstance()))).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void inventoryCountsAsRestDoes() {
		Inventory inventory = on(InventoryServiceGrpc.newBlockingStub(channel), null).getInventory(GetInventoryRequest.getDefaultInstance());
		JsonNode rest = api.get("/v1/inventory").json();
		assertThat(inventory.getAvailable()).isEqualTo(rest.get("available").asLong());
		assertThat(inventory.getPending()).isEqualTo(rest.get("pending").asLong());
		assertThat(inventory.getTotal()).isEqualTo(rest.get("total").asLong()).isPositive();
		assertThat(inventory.getBySpeciesMap().get("DOG")).isEqualTo(rest.get("bySpecies").get("DOG").asLong());
	}

}
