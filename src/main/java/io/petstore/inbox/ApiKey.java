package io.petstore.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An {@code api_key} as listed: {@code prefix} is the key's first characters, to tell keys apart.
 * {@code key}, the secret itself, is only present in the answer to the request that created it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKey(UUID id, String name, String prefix, Instant createdAt, String key) {

	ApiKey withKey(String secret) {
		return new ApiKey(id, name, prefix, createdAt, secret);
	}

}
