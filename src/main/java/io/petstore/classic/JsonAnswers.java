package io.petstore.classic;

import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.petstore.classic.pet.PetService;
import io.petstore.persistence.ReadCache;
import io.petstore.tenancy.Tenant;

/**
 * The answers of the classic API's hot reads of pets (one pet, findByStatus, the inventory). A
 * request asking for JSON (no {@code Accept}, {@code *}{@code /*} or {@code application/json}, as
 * generated clients and load tools send) is answered with the bytes the same JSON mapper wrote for
 * the same request earlier, while the tenant's pets are unchanged ({@link ReadCache}); any other
 * request, XML above all, goes through content negotiation as before. The bytes are those the
 * message converter would write: same mapper, same {@code Content-Type: application/json}.
 */
@Component
public class JsonAnswers {

	private final ReadCache cache;

	private final JsonMapper json;

	JsonAnswers(ReadCache cache, JsonMapper json) {
		this.cache = cache;
		this.json = json;
	}

	/**
	 * The answer to a read of the tenant's pets. {@code load} computes the body (or throws the
	 * error to answer: errors are never stored).
	 */
	public ResponseEntity<?> of(Tenant tenant, String accept, String request, Supplier<?> load) {
		if (!cache.enabled() || !asksForJson(accept)) {
			return ResponseEntity.ok(load.get());
		}
		byte[] body = cache.get(PetService.DATA, tenant.id(), request, () -> json.writeValueAsBytes(load.get()));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static boolean asksForJson(String accept) {
		return accept == null || accept.isEmpty() || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
	}

}
