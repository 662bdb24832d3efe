package io.petstore.v1;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code Accept} does to bodiless answers and errors: a DELETE's 204 has no body to negotiate, so
 * {@code Accept: application/problem+json} (the only media type the document lists for those
 * operations, as Postman-derived tools send it) or anything else gets the 204; errors are problem
 * details whatever {@code Accept} says.
 */
class AcceptHeaderTest extends ModernApiTest {

	private static final String[] PROBLEM = { "Accept", "application/problem+json" };

	@Test
	void everyDeleteAnswers204ToAcceptProblemJson() {
		Account owner = register(uniqueName("deleter"));
		ApiClient client = as(owner);

		String pet = createPet(client, "Gone", "10.00");
		assertNoContent(client.delete("/v1/pets/" + pet, PROBLEM));
		assertNoContent(client.delete("/v1/pets/" + createPet(client, "Gone too", "10.00"), "Accept", "application/xml"));

		String orderId = placeOrder(client, createPet(client, "Ordered", "10.00")).get("id").asString();
		assertNoContent(client.delete("/v1/orders/" + orderId, PROBLEM));
		assertThat(client.get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("CANCELLED");

		Reply webhook = client.postJson("/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"order.created\"]}");
		assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
		assertNoContent(client.delete("/v1/webhooks/" + webhook.json().get("id").asString(), PROBLEM));

		ApiClient admin = admin();
		Reply oauthClient = admin.postJson("/v1/admin/oauth-clients",
				"{\"clientName\":\"Gone\",\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"read:orders\"]}");
		assertThat(oauthClient.status()).as(oauthClient.toString()).isEqualTo(201);
		assertNoContent(admin.delete("/v1/admin/oauth-clients/" + oauthClient.json().get("clientId").asString(), PROBLEM));

		assertNoContent(client.delete("/v1/users/" + owner.id(), PROBLEM));
	}

	@Test
	void errorsAreProblemDetailsWhateverAcceptSays() {
		Account owner = register(uniqueName("refused"));
		ApiClient client = as(owner);
		String missing = "/v1/pets/" + UUID.randomUUID();
		assertProblem(client.delete(missing, "Accept", "application/xml"), 404, "not-found");
		assertProblem(client.delete(missing, PROBLEM), 404, "not-found");
		assertProblem(client.delete(missing, "Accept", "text/html"), 404, "not-found");
		assertProblem(client.delete("/v1/orders/" + UUID.randomUUID(), "Accept", "application/xml"), 404, "not-found");
		assertProblem(client.delete("/v1/pets/not-a-uuid", "Accept", "application/xml"), 400, "bad-request");
		assertProblem(api.delete("/v1/users/" + owner.id(), "Accept", "application/xml"), 401, "unauthorized");
		// an operation with a body: it cannot give XML, and says so as a problem detail
		assertProblem(client.get(missing, "Accept", "application/xml"), 406, "not-acceptable");
	}

	private static void assertNoContent(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
		assertThat(reply.body()).isEmpty();
	}

}
