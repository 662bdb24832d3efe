package io.petstore.account;

import io.petstore.v1.StrictJson;

@StrictJson
public record Preferences(Boolean newsletter, Boolean notifications) {
}
