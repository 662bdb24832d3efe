package io.petstore.v1;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class UsersAndTokensTest extends ModernApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.petstore.secrets.SecretSeal seal;

	@Test
	void registrationReturnsTheUserAndAWorkingToken() {
		Reply reply = api.postJson("/v1/users", "{\"username\":\"kylekinh\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\","
				+ "\"email\":\"kyle.kihn@example.com\",\"password\":\"SecurePass123!\",\"phone\":\"+18638982053\"}");
		assertThat(reply.status()).isEqualTo(201);
		String id = reply.json().get("id").asString();
		assertThat(reply.header("Location")).isEqualTo(base() + "/v1/users/" + id);
		assertThat(reply.body()).doesNotContain("SecurePass123!").doesNotContain("password");
		assertThat(reply.json().get("username").asString()).isEqualTo("kylekinh");
		assertThat(reply.json().get("tenantId").asString()).isEqualTo(tenant.toString());
		Instant expiresAt = Instant.parse(reply.json().get("expiresAt").asString());
		assertThat(expiresAt).isBetween(Instant.now().plusSeconds(23 * 3600), Instant.now().plusSeconds(25 * 3600));

		Reply me = as(reply.json().get("token").asString()).get("/v1/users/" + id);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo("kyle.kihn@example.com");
		assertThat(me.body()).doesNotContain("password");
		String hash = jdbc.sql("SELECT password_hash FROM account_user WHERE id = ?").param(UUID.fromString(id))
			.query(String.class).single();
		assertThat(hash).startsWith("$argon2id$");
	}

	@Test
	void usernamesAndEmailsAreUniqueIgnoringCase() {
		register("unique1");
		Reply sameName = api.postJson("/v1/users", "{\"username\":\"UNIQUE1\",\"firstName\":\"A\",\"lastName\":\"B\","
				+ "\"email\":\"other@example.com\",\"password\":\"SecurePass123!\"}");
		assertProblem(sameName, 409, "conflict");
		Reply sameEmail = api.postJson("/v1/users", "{\"username\":\"unique2\",\"firstName\":\"A\",\"lastName\":\"B\","
				+ "\"email\":\"Unique1@Example.com\",\"password\":\"SecurePass123!\"}");
		assertProblem(sameEmail, 409, "conflict");
		// another tenant may use the same name
		assertThat(register(clientFor(UUID.randomUUID()), "unique1").username()).isEqualTo("unique1");
	}

	@Test
	void registrationNamesEveryInvalidField() {
		Reply missing = api.postJson("/v1/users", "{\"username\":\"abc\"}");
		assertProblem(missing, 422, "validation-error");
		assertThat(missing.json().get("errors").findValuesAsString("field"))
			.contains("email", "firstName", "lastName", "password");
		Reply invalid = api.postJson("/v1/users", "{\"username\":\"ab\",\"firstName\":\"A\",\"lastName\":\"B\","
				+ "\"email\":\"not-an-email\",\"password\":\"short\",\"phone\":\"12-34\"}");
		assertProblem(invalid, 422, "validation-error");
		assertThat(invalid.json().get("errors").findValuesAsString("field"))
			.containsExactly("email", "password", "phone", "username");
		Reply unknown = api.postJson("/v1/users", "{\"username\":\"someone\",\"role\":\"ADMIN\"}");
		assertProblem(unknown, 422, "validation-error");
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
	}

	@Test
	void loginGivesASignedTokenAndRefusesBadCredentials() {
		Account user = register(uniqueName("login"));
		Reply token = api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"SecurePass123!\"}");
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("token").asString()).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
		assertThat(token.header("RateLimit-Remaining")).isNotNull();
		assertThat(as(token.json().get("token").asString()).get("/v1/users/" + user.id()).status()).isEqualTo(200);

		assertProblem(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"wrong-password\"}"),
				401, "unauthorized");
		assertProblem(api.postJson("/v1/auth/tokens", "{\"username\":\"nobody\",\"password\":\"SecurePass123!\"}"), 401,
				"unauthorized");
		assertProblem(api.postJson("/v1/auth/tokens", "{}"), 422, "validation-error");
		assertProblem(api.postJson("/v1/auth/tokens", ""), 400, "bad-request");
		assertProblem(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username()
				+ "\",\"password\":\"SecurePass123!\",\"scopes\":[\"admin\"]}"), 422, "validation-error");
		// the token of one tenant is not valid in another
		assertProblem(clientFor(UUID.randomUUID()).withToken(user.token()).get("/v1/users/" + user.id()), 403, "forbidden");
	}

	@Test
	void anEmptyScopeListMeansNotGivenAndANonEmptyOneNarrows() {
		Account user = register(uniqueName("scoped"));
		String credentials = "{\"username\":\"" + user.username() + "\",\"password\":\"SecurePass123!\"";
		// what openapi-generator's Java clients send for an unset list: every scope, as without the property
		Reply empty = api.postJson("/v1/auth/tokens", credentials + ",\"scopes\":[]}");
		assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
		ApiClient all = as(empty.json().get("token").asString());
		assertThat(all.postJson("/v1/pets", petJson("Scoped", "10.00")).status()).isEqualTo(201);
		assertThat(all.putJson("/v1/users/" + user.id(), "{\"firstName\":\"Kylie\"}").status()).isEqualTo(200);
		Reply nullScopes = api.postJson("/v1/auth/tokens", credentials + ",\"scopes\":null}");
		assertThat(nullScopes.status()).as(nullScopes.toString()).isEqualTo(200);
		assertThat(as(nullScopes.json().get("token").asString()).postJson("/v1/pets", petJson("Scoped2", "10.00")).status())
			.isEqualTo(201);
		// a non-empty list narrows the token to what it lists
		Reply narrowed = api.postJson("/v1/auth/tokens", credentials + ",\"scopes\":[\"read:user\"]}");
		assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
		ApiClient reader = as(narrowed.json().get("token").asString());
		assertThat(reader.get("/v1/users/" + user.id()).status()).isEqualTo(200);
		assertProblem(reader.postJson("/v1/pets", petJson("Refused", "10.00")), 403, "forbidden");
		assertProblem(reader.putJson("/v1/users/" + user.id(), "{\"firstName\":\"Mallory\"}"), 403, "forbidden");
	}

	@Test
	void forgedExpiredAndUnsignedTokensAreRefused() throws Exception {
		Account user = register(uniqueName("victim"));
		String path = "/v1/users/" + user.id();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("petstore").subject(user.id())
			.claim("tid", tenant.toString()).claim("scope", "read:user write:user").claim("username", user.username())
			.issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));

		// signed with the server's own key: accepted (proves the forgeries below fail for the right reason)
		assertThat(as(signWithServerKey(claims.build())).get(path).status()).isEqualTo(200);
		// expired (beyond the 60 s clock skew)
		JWTClaimsSet expired = new JWTClaimsSet.Builder(claims.build()).expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
		assertProblem(as(signWithServerKey(expired)).get(path), 401, "unauthorized");
		// no issuer at all (another issuer is refused when one is configured: OAuthIssuerTest)
		assertProblem(as(signWithServerKey(new JWTClaimsSet.Builder(claims.build()).issuer(null).build())).get(path), 401, "unauthorized");
		// alg: none
		assertProblem(as(new PlainJWT(claims.build()).serialize()).get(path), 401, "unauthorized");
		// HMAC with a guessed secret
		SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		hmac.sign(new MACSigner(new byte[32]));
		assertProblem(as(hmac.serialize()).get(path), 401, "unauthorized");
		// a real token with its payload changed
		String[] parts = user.token().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(user.id(), UUID.randomUUID().toString());
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
		assertProblem(as(tampered).get(path), 401, "unauthorized");
	}

	@Test
	void usersSeeAndChangeOnlyThemselves() {
		Account alice = register(uniqueName("alice"));
		Account bob = register(uniqueName("bob"));
		assertProblem(as(bob).get("/v1/users/" + alice.id()), 403, "forbidden");
		assertProblem(as(bob).putJson("/v1/users/" + alice.id(), "{\"firstName\":\"Mallory\"}"), 403, "forbidden");
		assertProblem(as(bob).delete("/v1/users/" + alice.id()), 403, "forbidden");
		assertProblem(api.get("/v1/users/" + alice.id()), 401, "unauthorized");
		assertProblem(as(alice).get("/v1/users/" + UUID.randomUUID()), 404, "not-found");
		assertProblem(as(alice).get("/v1/users/not-a-uuid"), 400, "bad-request");
		assertThat(as(alice).get("/v1/users/" + alice.id()).json().get("firstName").asString()).isEqualTo("Kyle");
	}

	@Test
	void updateChangesWhatIsSentIncludingThePassword() {
		Account user = register(uniqueName("changer"));
		ApiClient client = as(user);
		Reply updated = client.putJson("/v1/users/" + user.id(), "{\"firstName\":\"Kylie\",\"password\":\"NewSecret456!\","
				+ "\"preferences\":{\"newsletter\":true}}");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("firstName").asString()).isEqualTo("Kylie");
		assertThat(updated.json().get("lastName").asString()).isEqualTo("Kihn");
		assertThat(updated.json().get("preferences").get("newsletter").asBoolean()).isTrue();
		assertThat(client.get("/v1/users/" + user.id()).json().get("firstName").asString()).isEqualTo("Kylie");
		assertProblem(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"SecurePass123!\"}"),
				401, "unauthorized");
		assertThat(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"NewSecret456!\"}")
			.status()).isEqualTo(200);

		Account other = register(uniqueName("taken"));
		assertProblem(client.putJson("/v1/users/" + user.id(), "{\"username\":\"" + other.username() + "\"}"), 409, "conflict");
		assertProblem(client.putJson("/v1/users/" + user.id(), "{\"email\":\"bad\"}"), 422, "validation-error");
	}

	@Test
	void deleteRemovesTheAccount() {
		Account user = register(uniqueName("leaver"));
		assertThat(as(user).delete("/v1/users/" + user.id()).status()).isEqualTo(204);
		// the account's tokens end with it
		Reply gone = as(user).get("/v1/users/" + user.id());
		assertProblem(gone, 401, "unauthorized");
		assertThat(gone.json().get("detail").asString()).contains("no longer exists");
		assertThat(gone.header("WWW-Authenticate")).contains("invalid_token");
		assertProblem(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"SecurePass123!\"}"),
				401, "unauthorized");
		// the name is free again
		register(user.username());
	}

	/** Signs with the server's own key: read from its table and opened with its key-encryption key. */
	static String signWithServerKey(org.springframework.jdbc.core.simple.JdbcClient jdbc, io.petstore.secrets.SecretSeal seal,
			JWTClaimsSet claims) throws Exception {
		var key = jdbc.sql("SELECT kid, private_key FROM auth_signing_key WHERE retired_at IS NULL ORDER BY created_at DESC, kid")
			.query((rs, row) -> new String[] { rs.getString("kid"), rs.getString("private_key") }).list().get(0);
		RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(seal.open(key[1], "auth_signing_key:" + key[0]))));
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key[0]).build(), claims);
		jwt.sign(new RSASSASigner(privateKey));
		return jwt.serialize();
	}

	private String signWithServerKey(JWTClaimsSet claims) throws Exception {
		return signWithServerKey(jdbc, seal, claims);
	}

}
