package io.petstore.v1;

import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.petstore.account.AccountAdmin;
import io.petstore.account.UserFilter;
import io.petstore.auth.Admin;
import io.petstore.auth.Admins;
import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetInput;
import io.petstore.store.Orders;
import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules every protocol gets from the core, shown by calling the module APIs the way a non-REST
 * adapter does (credentials → {@link CallContexts#open} → module API), next to REST's answer for
 * the same call: same refusals, same audit record of who and from where.
 */
class CoreRulesTest extends ModernApiTest {

	private static final Origin GRPC = new Origin("GRPC", "10.1.2.3", "grpc-java/1.84", "PlaceOrder");

	@Autowired
	CallContexts contexts;

	@Autowired
	PetCatalog catalog;

	@Autowired
	Orders orders;

	@Autowired
	Admins admins;

	@Autowired
	AccountAdmin accounts;

	@Autowired
	JsonMapper json;

	private CallContext open(String token) {
		return contexts.open(new Credentials(token, tenant.toString(), GRPC));
	}

	private static DomainException.Kind refusal(Supplier<?> call) {
		return catchThrowableOfType(DomainException.class, call::get).kind();
	}

	@Test
	void scopesOwnershipAndTenantAreCheckedByTheModulesForEveryProtocol() throws Exception {
		Account alice = register(uniqueName("alice"));
		Account bob = register(uniqueName("bob"));
		PetInput input = json.readValue(petJson("Core", "12.50"), PetInput.class);

		// no token: the module refuses as REST does (401)
		CallContext anonymous = open(null);
		assertThat(refusal(() -> catalog.create(anonymous, input))).isEqualTo(DomainException.Kind.UNAUTHORIZED);
		assertThat(refusal(() -> anonymous.user())).isEqualTo(DomainException.Kind.UNAUTHORIZED);
		assertThat(api.postJson("/v1/pets", petJson("Core", "12.50")).status()).isEqualTo(401);

		// a token narrowed to read:pets: writes are refused by the module (REST: the same 403)
		String readOnly = api.postJson("/v1/auth/tokens",
				"{\"username\":\"" + alice.username() + "\",\"password\":\"SecurePass123!\",\"scopes\":[\"read:pets\"]}")
			.json().get("token").asString();
		CallContext narrow = open(readOnly);
		assertThat(refusal(() -> catalog.create(narrow, input))).isEqualTo(DomainException.Kind.FORBIDDEN);
		assertThat(refusal(() -> orders.place(narrow.user(), UUID.randomUUID(), null))).isEqualTo(DomainException.Kind.FORBIDDEN);
		assertProblem(as(readOnly).postJson("/v1/pets", petJson("Core", "12.50")), 403, "forbidden");

		// a full token works, and someone else's order is refused by the module
		CallContext aliceCall = open(alice.token());
		UUID petId = CallContexts.within(aliceCall, () -> catalog.create(aliceCall, input)).id();
		UUID orderId = CallContexts.within(aliceCall, () -> orders.place(aliceCall.user(), petId, null)).id();
		CallContext bobCall = open(bob.token());
		assertThat(refusal(() -> orders.get(bobCall.user(), orderId))).isEqualTo(DomainException.Kind.FORBIDDEN);
		assertThat(as(bob).get("/v1/orders/" + orderId).status()).isEqualTo(403);

		// a token of another tenant than the call names: refused for users' and for scoped operations
		ApiClient elsewhere = clientFor(UUID.randomUUID());
		Account stranger = register(elsewhere, uniqueName("stranger"));
		CallContext mismatch = open(stranger.token());
		assertThat(refusal(() -> mismatch.user())).isEqualTo(DomainException.Kind.FORBIDDEN);
		assertThat(refusal(() -> catalog.create(mismatch, input))).isEqualTo(DomainException.Kind.FORBIDDEN);
		// REST: pet writes now compare the token's tenant with X-Tenant-ID too
		assertProblem(as(stranger.token()).postJson("/v1/pets", petJson("Core", "12.50")), 403, "forbidden");
		assertProblem(as(stranger.token()).delete("/v1/pets/" + petId), 403, "forbidden");
		assertThat(api.get("/v1/pets/" + petId).status()).isEqualTo(200);

		// bad credentials are refused when the context is opened
		assertThat(catchThrowableOfType(DomainException.class, () -> open("not-a-token")).kind())
			.isEqualTo(DomainException.Kind.UNAUTHORIZED);
		assertThat(catchThrowableOfType(DomainException.class,
				() -> contexts.open(new Credentials(null, "not-a-uuid", GRPC))).kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
		assertThatThrownBy(() -> Credentials.of("Basic dXNlcjpwYXNz", null, GRPC)).isInstanceOf(DomainException.class)
			.hasMessageContaining("Bearer");
	}

	@Test
	void adminOperationsNeedTheAdminRoleNowWhateverTheProtocol() {
		Account plain = register(uniqueName("plain"));
		assertThat(refusal(() -> admins.require(open(plain.token())))).isEqualTo(DomainException.Kind.FORBIDDEN);
		assertThat(as(plain).get("/v1/admin/users").status()).isEqualTo(403);

		String adminToken = admin().postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
			.json().get("token").asString();
		Admin admin = admins.require(open(adminToken));
		long users = accounts.find(admin, new UserFilter(null, null, null, null, null), PageRequest.of(1, 10)).pagination().totalItems();
		assertThat(users).isEqualTo(admin().get("/v1/admin/users").json().get("pagination").get("totalItems").asLong());
	}

	@Test
	void theAuditLogRecordsTheCallersProtocolAndAddress() throws Exception {
		Account carol = register(uniqueName("carol"));
		String petId = createPet(as(carol), "Audited", "30.00");
		CallContext call = open(carol.token());
		UUID orderId = CallContexts.within(call, () -> orders.place(call.user(), UUID.fromString(petId), null)).id();

		JsonNode placed = admin().get("/v1/admin/audit-logs?action=ORDER_PLACED&entityId=" + orderId).json().get("data").get(0);
		assertThat(placed.get("protocol").asString()).isEqualTo("GRPC");
		assertThat(placed.get("request").asString()).isEqualTo("PlaceOrder");
		assertThat(placed.get("ipAddress").asString()).isEqualTo("10.1.2.3");
		assertThat(placed.get("userAgent").asString()).isEqualTo("grpc-java/1.84");
		assertThat(placed.get("actor").asString()).isEqualTo("user:" + carol.username());
		assertThat(placed.get("userId").asString()).isEqualTo(carol.id());

		// the same change over REST is recorded as HTTP
		Reply cancelled = as(carol).delete("/v1/orders/" + orderId);
		assertThat(cancelled.status()).isEqualTo(204);
		JsonNode cancel = admin().get("/v1/admin/audit-logs?action=ORDER_CANCELLED&entityId=" + orderId).json().get("data").get(0);
		assertThat(cancel.get("protocol").asString()).isEqualTo("HTTP");
		assertThat(cancel.get("request").asString()).isEqualTo("DELETE /v1/orders/" + orderId);
	}

}
