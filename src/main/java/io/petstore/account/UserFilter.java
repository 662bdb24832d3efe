package io.petstore.account;

import java.time.Instant;

/**
 * Which users an administrator lists; a null field does not filter.
 * @param search part of the username or email, case-insensitive
 * @param createdTo exclusive
 */
public record UserFilter(UserStatus status, Role role, String search, Instant createdFrom, Instant createdTo) {
}
