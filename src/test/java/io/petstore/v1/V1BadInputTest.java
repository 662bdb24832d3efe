package io.petstore.v1;

import org.junit.jupiter.api.Test;

import io.petstore.support.ApiClient;
import io.petstore.support.RawHttp;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input under /v1: always a 4xx problem detail naming what is wrong, never a 5xx, nothing stored. */
class V1BadInputTest extends ModernApiTest {

	@Test
	void malformedAndIllTypedBodies() {
		ApiClient staff = as(register(uniqueName("staff")));
		assertProblem(staff.postJson("/v1/pets", "{\"name\":"), 400, "bad-request");
		assertProblem(staff.postJson("/v1/pets", "[1,2]"), 422, "validation-error");
		assertProblem(staff.postJson("/v1/pets", petJson("A", "1") + "garbage"), 400, "bad-request");
		Reply wrongType = staff.postJson("/v1/pets", petJson("A", "1").replace("\"ageMonths\":14", "\"ageMonths\":\"old\""));
		assertProblem(wrongType, 422, "validation-error");
		assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("ageMonths");
		Reply nested = staff.postJson("/v1/pets", petJson("A", "1").replace("\"vaccinated\":true", "\"vaccinated\":\"yes\""));
		assertProblem(nested, 422, "validation-error");
		assertThat(nested.json().get("errors").get(0).get("field").asString()).isEqualTo("medicalInfo.vaccinated");
		Reply nestedUnknown = staff.postJson("/v1/pets", petJson("A", "1").replace("\"vaccinated\":true", "\"rabies\":true"));
		assertThat(nestedUnknown.json().get("errors").get(0).get("field").asString()).isEqualTo("medicalInfo.rabies");
		Reply huge = staff.postJson("/v1/pets", petJson("A", "1").replace("\"ageMonths\":14", "\"ageMonths\":99999999999999999999"));
		assertThat(huge.status()).isBetween(400, 422);
		assertProblem(staff.postJson("/v1/pets", petJson("A", "1").replace("\"ageMonths\":14", "\"ageMonths\":5000")), 422,
				"validation-error");
		assertProblem(staff.postJson("/v1/pets", petJson("A", "1").replace("\"currency\":\"USD\"", "\"currency\":\"usd\"")), 422,
				"validation-error");
		assertProblem(staff.postJson("/v1/pets", petJson("A", "1").replace("\"status\":\"AVAILABLE\"", "\"status\":\"available\"")),
				422, "validation-error");
		assertProblem(staff.postJson("/v1/pets", petJson("x".repeat(51), "1")), 422, "validation-error");
		assertProblem(staff.postJson("/v1/pets", petJson("A", "12.345")), 422, "validation-error");
		assertProblem(staff.send("POST", "/v1/pets", "application/xml", "<pet/>"), 415, "unsupported-media-type");
		assertProblem(staff.send("POST", "/v1/pets", "application/json", ""), 400, "bad-request");
		assertThat(api.get("/v1/pets?limit=100").json().get("pagination").get("totalItems").asInt()).isEqualTo(9);
	}

	@Test
	void oversizedBodiesGet413() throws Exception {
		Account staff = register(uniqueName("staff"));
		byte[] body = petJson("A", "1").replace("\"breed\":\"Beagle\"", "\"breed\":\"" + "b".repeat(1_100_000) + "\"").getBytes();
		for (boolean chunked : new boolean[] { false, true }) {
			String raw = RawHttp.exchange(port, tenant, "POST", "/v1/pets", "application/json", body, chunked, "Authorization",
					"Bearer " + staff.token());
			assertThat(raw).startsWith("HTTP/1.1 413 ").contains("application/problem+json");
		}
		assertThat(api.get("/v1/pets?limit=100").json().get("pagination").get("totalItems").asInt()).isEqualTo(9);
	}

	@Test
	void badIdsPathsMethodsAndHeaders() {
		assertProblem(api.get("/v1/pets/not-a-uuid"), 400, "bad-request");
		assertProblem(api.get("/v1/pets/1-2-3-4-5"), 400, "bad-request");
		assertProblem(api.get("/v1/nothing-here"), 404, "not-found");
		Reply method = api.send("PATCH", "/v1/pets/" + MAX, "application/json", "{}");
		assertProblem(method, 405, "method-not-allowed");
		assertThat(method.header("Allow")).contains("GET").contains("PUT").contains("DELETE");
		assertProblem(api.get("/v1/pets", "X-Tenant-ID", "tenant-1"), 400, "bad-request");
		assertProblem(api.get("/v1/pets/" + MAX, "Accept", "application/xml"), 406, "not-acceptable");
	}

}
