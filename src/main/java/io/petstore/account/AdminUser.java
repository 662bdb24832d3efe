package io.petstore.account;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A user as administrators see it: the profile, plus role, status and last login. */
public record AdminUser(@JsonUnwrapped User user, Role role, UserStatus status,
		@JsonInclude(JsonInclude.Include.ALWAYS) Instant lastLoginAt) {
}
