/**
 * Users of the Modern Pet Store ({@code /v1/users}) and login ({@code POST /v1/auth/tokens}).
 * Owns {@code account_user}. Passwords are stored as Argon2id hashes and never returned; usernames
 * and emails are unique per tenant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts (modern users)")
package io.petstore.account;
