package io.petstore.account;

import java.util.UUID;

/** What a token names about its user: the id, the username, and the token epoch it was issued in. */
public record TokenSubject(UUID userId, String username, int tokenEpoch) {
}
