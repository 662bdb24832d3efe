package io.petstore.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.petstore.tenancy.Tenant;

/**
 * Whose secret is being checked: a kind, the tenant the account lives in (for an OAuth2 client the
 * tenant that registered it, else the shared pool; lock-outs are audited there), and the name as
 * the module's lookup compares it (so that every spelling that finds the account counts for it). A
 * name that does not exist is counted the same way as one that does.
 */
public record SignInKey(SignInKind kind, Tenant tenant, String name) {

	/** Longer names are stored as their SHA-256. */
	static final int MAX_NAME = 200;

	public SignInKey {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(tenant, "tenant");
		name = name == null ? "" : name;
	}

	public static SignInKey user(Tenant tenant, String normalisedUsername) {
		return new SignInKey(SignInKind.USER, tenant, normalisedUsername);
	}

	public static SignInKey classicUser(Tenant tenant, String username) {
		return new SignInKey(SignInKind.CLASSIC_USER, tenant, username);
	}

	public static SignInKey oauthClient(Tenant owner, String clientId) {
		return new SignInKey(SignInKind.OAUTH_CLIENT, owner, clientId);
	}

	/** The address key: one for every tenant and kind. */
	static SignInKey address(String address) {
		return new SignInKey(SignInKind.ADDRESS, Tenant.SHARED, address);
	}

	/** The name as stored: itself, or {@code sha256:<hex>} past {@value #MAX_NAME} characters. */
	String subject() {
		if (name.length() <= MAX_NAME) {
			return name;
		}
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The order rows are locked in (the same in every instance, so two attempts never deadlock). */
	String sortKey() {
		return tenant.id() + "/" + kind + "/" + subject();
	}

}
