package io.petstore.v1;

import org.junit.jupiter.api.Test;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on /v1 as a browser on another origin sees it: a preflight is answered before
 * authentication (also for paths that need a token), and each answer carries one
 * Access-Control-Allow-Origin (the security chain's CORS filter and Spring MVC share one configuration).
 */
class V1CorsTest extends io.petstore.support.IntegrationTest {

	private static final String ORIGIN = "https://editor.swagger.io";

	@Test
	void preflightsAreAnsweredWithoutAToken() {
		for (String[] ask : new String[][] { { "/v1/users/someone", "PUT" }, { "/v1/pets", "POST" }, { "/v1/admin/users", "GET" },
				{ "/v1/graphql", "POST" } }) {
			Reply preflight = api.send("OPTIONS", ask[0], null, (String) null, "Origin", ORIGIN, "Access-Control-Request-Method",
					ask[1], "Access-Control-Request-Headers", "authorization,content-type,x-tenant-id");
			assertThat(preflight.status()).as(ask[0]).isEqualTo(200);
			assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).as(ask[0]).containsExactly(ORIGIN);
			assertThat(preflight.header("Access-Control-Allow-Methods")).as(ask[0]).contains(ask[1]);
			assertThat(preflight.header("Access-Control-Allow-Headers")).as(ask[0]).containsIgnoringCase("authorization");
		}
	}

	@Test
	void answersCarryOneAllowOriginAndTheExposedHeaders() {
		Reply list = api.get("/v1/pets?limit=1", "Origin", ORIGIN);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
		assertThat(list.header("Access-Control-Expose-Headers")).contains("Location");
		Reply refused = api.postJson("/v1/pets", "{}", "Origin", ORIGIN);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
	}

}
