package io.petstore.tenancy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** X-Tenant-ID isolates data; a new tenant starts from the seed data; reset restores it. */
class TenancyTest extends io.petstore.support.IntegrationTest {

	@Test
	void tenantsNeverSeeEachOthersData() {
		ApiClient other = clientFor(UUID.randomUUID());
		ApiClient shared = clientFor(null);
		api.postJson("/v2/pet", "{\"id\":123456,\"name\":\"mine\"}");
		api.postJson("/v2/pet", "{\"id\":1,\"name\":\"my cat\"}");
		api.postJson("/v2/user", "{\"username\":\"tenant-user\"}");

		assertThat(api.get("/v2/pet/123456").status()).isEqualTo(200);
		assertThat(other.get("/v2/pet/123456").status()).isEqualTo(404);
		assertThat(shared.get("/v2/pet/123456").status()).isEqualTo(404);
		assertThat(other.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Cat 1");
		assertThat(other.get("/v2/user/tenant-user").status()).isEqualTo(404);
		assertThat(other.delete("/v2/pet/123456").status()).isEqualTo(404);
		assertThat(api.get("/v2/pet/123456").status()).isEqualTo(200);
	}

	@Test
	void aNewTenantStartsWithTheSeedData() {
		assertThat(api.get("/v2/store/inventory").body()).isEqualTo("{\"available\":7,\"pending\":2,\"sold\":1}");
		assertThat(api.get("/v2/user/user10").status()).isEqualTo(200);
		assertThat(api.get("/v2/store/order/10").status()).isEqualTo(200);
	}

	@Test
	void resetRestoresTheSeedDataOfThatTenantOnly() {
		ApiClient other = clientFor(UUID.randomUUID());
		api.postJson("/v2/pet", "{\"id\":1,\"name\":\"changed\",\"status\":\"sold\"}");
		api.postJson("/v2/pet", "{\"id\":999,\"name\":\"extra\"}");
		api.delete("/v2/user/user1");
		other.postJson("/v2/pet", "{\"id\":999,\"name\":\"other's\"}");

		Reply reset = api.send("POST", "/admin/reset", null, (String) null);
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.json().get("tenant").asString()).isEqualTo(tenant.toString());

		assertThat(api.get("/v2/pet/1").json().get("name").asString()).isEqualTo("Cat 1");
		assertThat(api.get("/v2/pet/999").status()).isEqualTo(404);
		assertThat(api.get("/v2/user/user1").status()).isEqualTo(200);
		assertThat(other.get("/v2/pet/999").json().get("name").asString()).isEqualTo("other's");
	}

	@Test
	void resetOfTheSharedPool() {
		ApiClient shared = clientFor(null);
		shared.postJson("/v2/pet", "{\"id\":2,\"name\":\"shared change\"}");
		assertThat(shared.send("POST", "/admin/reset", null, (String) null).status()).isEqualTo(200);
		assertThat(shared.get("/v2/pet/2").json().get("name").asString()).isEqualTo("Cat 2");
	}

	@Test
	void resetWithAnInvalidTenantIs400() {
		assertThat(api.send("POST", "/admin/reset", null, (String) null, "X-Tenant-ID", "nope").status()).isEqualTo(400);
	}

}
