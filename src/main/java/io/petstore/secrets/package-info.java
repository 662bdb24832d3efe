/**
 * Secrets at rest: {@link io.petstore.secrets.SecretSeal} seals values that must be readable again
 * (the token signing keys, webhook signing secrets) with AES-256-GCM under a key-encryption key that
 * is not in the database: {@code petstore.secrets.key} ({@code PETSTORE_SECRETS_KEY}), else a key
 * generated once into {@code secrets.key} in the data folder, readable by its owner only. After a
 * key change, {@link io.petstore.secrets.Resealing} has every module's
 * {@link io.petstore.secrets.Resealable} seal its own values again under the current key at start.
 * Holds no data of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets at rest")
package io.petstore.secrets;
