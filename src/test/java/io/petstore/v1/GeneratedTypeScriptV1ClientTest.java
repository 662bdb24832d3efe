package io.petstore.v1;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.petstore.support.IntegrationTest;
import io.petstore.support.Receiver;
import io.petstore.support.TypeScriptClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typescript-fetch client generated in the build from modern-v1.yaml (the file served as
 * /v1/openapi.json), unchanged, type-checked by a strict tsc and run with node through
 * src/test/typescript/flows/v1-flow.ts: register, token, webhook, pets, order, pay, inventory, delete.
 * Skipped when node or npm is missing.
 */
class GeneratedTypeScriptV1ClientTest extends IntegrationTest {

	@Test
	void theTypeScriptClientRunsTheWholeFlow() {
		TypeScriptClients.prepare();
		try (Receiver receiver = new Receiver()) {
			TypeScriptClients.Result result = TypeScriptClients.runFlow("v1-flow", Map.of("PETSTORE_BASE_URL", base(),
					"PETSTORE_TENANT", tenant.toString(), "WEBHOOK_RECEIVER_URL", receiver.url("/ts-events")));
			assertThat(result.code()).as(result.output()).isZero();
			assertThat(result.output()).contains("v1 flow: all steps passed");
			// what the flow saw as delivered did arrive, signed, at the receiver
			assertThat(receiver.received()).hasSize(2).allSatisfy(request -> {
				assertThat(request.path()).isEqualTo("/ts-events");
				assertThat(request.header("webhook-signature")).startsWith("v1,");
			}).extracting(Receiver.Request::body).anySatisfy(body -> assertThat(body).contains("\"order.created\""))
				.anySatisfy(body -> assertThat(body).contains("\"payment.succeeded\""));
		}
	}

}
