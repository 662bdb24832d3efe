package io.petstore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import io.petstore.support.ApiClient;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets at rest: the token signing keys' private halves and webhook secrets are sealed in the
 * database under a key-encryption key kept outside it; the data folder and its files are readable
 * by their owner only; the signing key rotates with old keys verifying until their tokens expire.
 */
class SecretsAtRestTest {

	@TempDir
	Path temp;

	/** Reads every text column of every table: no private key, no webhook secret in the clear. */
	@Test
	void theRawTablesHoldNoKeyMaterialInTheClear() throws Exception {
		Path dataDir = temp.resolve("data");
		String url = TestDatabase.isPostgres() ? TestDatabase.newDatabaseUrl("sealed") : null;
		String jdbcUrl;
		String secret;
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir)) {
			jdbcUrl = server.getEnvironment().getProperty("spring.datasource.url");
			ApiClient api = user(server, UUID.randomUUID()).api();
			var webhook = api.postJson("/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"order.created\"]}");
			assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
			secret = webhook.json().get("secret").asString();
			assertThat(secret).startsWith("whsec_");
		}
		String secretBytes = secret.substring("whsec_".length());
		List<String> findings = new ArrayList<>();
		int privateKeys = 0;
		try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.username(), "")) {
			for (String table : tables(connection)) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
					var meta = rows.getMetaData();
					while (rows.next()) {
						for (int c = 1; c <= meta.getColumnCount(); c++) {
							if (meta.getColumnType(c) != Types.VARCHAR && meta.getColumnType(c) != Types.CLOB
									&& meta.getColumnType(c) != Types.LONGVARCHAR) {
								continue;
							}
							String value = rows.getString(c);
							if (value == null) {
								continue;
							}
							if (value.contains(secretBytes)) {
								findings.add(table + "." + meta.getColumnName(c) + " holds the webhook secret");
							}
							if (isPrivateKey(value)) {
								findings.add(table + "." + meta.getColumnName(c) + " holds an RSA private key");
							}
							if (table.equalsIgnoreCase("auth_signing_key") && meta.getColumnName(c).equalsIgnoreCase("private_key")) {
								privateKeys++;
								assertThat(value).startsWith("sealed:v1:");
							}
						}
					}
				}
			}
		}
		assertThat(privateKeys).as("signing keys read").isPositive();
		assertThat(findings).isEmpty();
		if (!TestDatabase.isPostgres()) {
			// the H2 file itself, byte for byte (old page versions included)
			byte[] file = Files.readAllBytes(dataDir.resolve("petstore.mv.db"));
			assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(secretBytes);
		}
	}

	/** The data folder is 0700 and every file in it 0600 (database and key file), also when it existed before. */
	@Test
	void theDataFolderAndItsFilesAreTheOwnersOnly() throws Exception {
		Path dataDir = temp.resolve("private");
		String url = TestDatabase.isPostgres() ? TestDatabase.newDatabaseUrl("perms") : null;
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
			assertThat(dataDir.resolve("secrets.key")).exists();
			try (Stream<Path> files = Files.list(dataDir)) {
				for (Path file : files.toList()) {
					assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
						.isEqualTo("rw-------");
				}
			}
			if (url == null) {
				assertThat(dataDir.resolve("petstore.mv.db")).exists();
			}
		}
		// a folder made readable by someone else is tightened at the next start
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(dataDir.resolve("secrets.key"), PosixFilePermissions.fromString("rw-r--r--"));
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.key"))))
				.isEqualTo("rw-------");
		}
	}

	/**
	 * A database written before sealing (a plaintext signing key and webhook secret) is sealed at the
	 * next start and keeps working; another key-encryption key does not open it (a clear failure),
	 * and the old key as a previous key opens it and seals it again under the new one.
	 */
	@Test
	void plaintextRowsAreSealedAtStartAndTheKeyEncryptionKeyCanChange() throws Exception {
		String url = TestDatabase.newDatabaseUrl("legacy");
		Path dataDir = temp.resolve("legacy");
		String firstKey = randomKey();
		String[] first = { "--petstore.data-dir=" + dataDir, "--petstore.secrets.key=" + firstKey };
		UUID tenant = UUID.randomUUID();
		String userId;
		try (ConfigurableApplicationContext server = TestServers.start(url, first)) {
			userId = user(server, tenant).id();
		}
		// what an older version of the server wrote: a plaintext private key (which signs, as the newest)
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair legacy = generator.generateKeyPair();
		String legacyPrivate = Base64.getEncoder().encodeToString(legacy.getPrivate().getEncoded());
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.username(), "");
				var insert = connection.prepareStatement("INSERT INTO auth_signing_key (kid, algorithm, private_key, public_key, "
						+ "created_at) VALUES ('legacy-key', 'RS256', ?, ?, ?)")) {
			insert.setString(1, legacyPrivate);
			insert.setString(2, Base64.getEncoder().encodeToString(legacy.getPublic().getEncoded()));
			insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
			insert.executeUpdate();
		}
		try (ConfigurableApplicationContext server = TestServers.start(url, first)) {
			assertThat(storedPrivateKey(url, "legacy-key")).startsWith("sealed:v1:").doesNotContain(legacyPrivate);
			// a token signed with the legacy key still verifies
			ApiClient api = new ApiClient(TestServers.base(server), null, tenant).withToken(sign(legacy, "legacy-key", tenant,
					userId, TestServers.base(server)));
			assertThat(api.get("/v1/users/" + userId).status()).isEqualTo(200);
		}
		String secondKey = randomKey();
		assertThatThrownBy(() -> TestServers.start(url, "--petstore.data-dir=" + dataDir, "--petstore.secrets.key=" + secondKey)
			.close()).hasStackTraceContaining("petstore.secrets.key");
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir,
				"--petstore.secrets.key=" + secondKey, "--petstore.secrets.previous-keys=" + firstKey)) {
			assertThat(user(server, UUID.randomUUID()).readsProfile()).isEqualTo(200);
		}
		// sealed again under the second key: it starts without the first one now
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir,
				"--petstore.secrets.key=" + secondKey)) {
			assertThat(user(server, UUID.randomUUID()).readsProfile()).isEqualTo(200);
		}
	}

	/**
	 * After a key change, every value sealed under the old key (a classic user's readable password, a
	 * webhook secret, the signing keys) is sealed again under the new one at the first start that has
	 * the old key as a previous key; from then on the old key is not needed. A second start with both
	 * keys finds nothing to do (the values stay as they are).
	 */
	@Test
	void valuesSealedUnderAPreviousKeyAreSealedAgainUnderTheCurrentOne() throws Exception {
		String url = TestDatabase.newDatabaseUrl("reseal");
		Path dataDir = temp.resolve("reseal");
		String keyA = randomKey();
		String keyB = randomKey();
		UUID tenant = UUID.randomUUID();
		String webhookId;
		String webhookSecret;
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir,
				"--petstore.secrets.key=" + keyA)) {
			ApiClient classic = new ApiClient(TestServers.base(server), null, tenant);
			var created = classic.postJson("/v2/user", "{\"id\":4242,\"username\":\"resealed\",\"password\":\"pw of A\"}");
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
			var webhook = user(server, tenant).api()
				.postJson("/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"order.created\"]}");
			assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
			webhookId = webhook.json().get("id").asString();
			webhookSecret = webhook.json().get("secret").asString();
		}
		String kidA = kidOf(column(url, "SELECT password_sealed FROM classic_user WHERE username = 'resealed'"));
		assertThat(kidOf(column(url, "SELECT secret FROM webhook_subscription WHERE id = '" + webhookId + "'"))).isEqualTo(kidA);
		assertThat(signingKeyKids(url)).containsOnly(kidA);

		String[] both = { "--petstore.data-dir=" + dataDir, "--petstore.secrets.key=" + keyB, "--petstore.secrets.previous-keys=" + keyA };
		String classicSealed;
		try (ConfigurableApplicationContext server = TestServers.start(url, both)) {
			String kidB = kidOf(column(url, "SELECT password_sealed FROM classic_user WHERE username = 'resealed'"));
			assertThat(kidB).isNotEqualTo(kidA);
			assertThat(kidOf(column(url, "SELECT secret FROM webhook_subscription WHERE id = '" + webhookId + "'"))).isEqualTo(kidB);
			assertThat(signingKeyKids(url)).containsOnly(kidB);
			var read = new ApiClient(TestServers.base(server), null, tenant).get("/v2/user/resealed");
			assertThat(read.status()).as(read.toString()).isEqualTo(200);
			assertThat(read.json().get("password").asString()).isEqualTo("pw of A");
			classicSealed = column(url, "SELECT password_sealed FROM classic_user WHERE username = 'resealed'");
		}
		// idempotent: the next start with both keys leaves the values as they are
		try (ConfigurableApplicationContext server = TestServers.start(url, both)) {
			assertThat(column(url, "SELECT password_sealed FROM classic_user WHERE username = 'resealed'")).isEqualTo(classicSealed);
		}
		// the old key can go: everything still opens with the new key alone
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + dataDir,
				"--petstore.secrets.key=" + keyB)) {
			var read = new ApiClient(TestServers.base(server), null, tenant).get("/v2/user/resealed");
			assertThat(read.status()).as(read.toString()).isEqualTo(200);
			assertThat(read.json().get("password").asString()).isEqualTo("pw of A");
			assertThat(user(server, tenant).readsProfile()).isEqualTo(200); // the signing key signs and verifies
			String sealedSecret = column(url, "SELECT secret FROM webhook_subscription WHERE id = '" + webhookId + "'");
			assertThat(server.getBean(io.petstore.secrets.SecretSeal.class).open(sealedSecret, "webhook_subscription:" + webhookId))
				.isEqualTo(webhookSecret);
		}
	}

	/** The key id a sealed value names ({@code sealed:v1:<key id>:...}). */
	private static String kidOf(String sealed) {
		assertThat(sealed).startsWith("sealed:v1:");
		return sealed.split(":")[2];
	}

	private static String column(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getString(1);
		}
	}

	private static List<String> signingKeyKids(String url) throws Exception {
		List<String> kids = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT private_key FROM auth_signing_key")) {
			while (rs.next()) {
				kids.add(kidOf(rs.getString(1)));
			}
		}
		assertThat(kids).isNotEmpty();
		return kids;
	}

	/**
	 * The signing key rotates by age and through the actuator: new tokens name the new key, tokens of
	 * the old one keep working and the JWK Set lists both until the retention has passed, then the old
	 * key is deleted.
	 */
	@Test
	void theSigningKeyRotatesAndOldTokensVerifyUntilTheyExpire() throws Exception {
		String url = TestDatabase.newDatabaseUrl("rotation");
		UUID tenant = UUID.randomUUID();
		try (ConfigurableApplicationContext server = TestServers.start(url, "--petstore.data-dir=" + temp.resolve("rot"),
				"--petstore.auth.signing-key.max-age=6s", "--petstore.auth.signing-key.retention=4s",
				"--management.endpoints.web.exposure.include=health,signingkeys")) {
			String base = TestServers.base(server);
			ApiClient api = new ApiClient(base, null, tenant);
			// a fresh signing key first, so that its age counts from now
			assertThat(api.postJson("/actuator/signingkeys", null).status()).isEqualTo(200);
			var registered = api.postJson("/v1/users", "{\"username\":\"rotor\",\"firstName\":\"R\",\"lastName\":\"O\","
					+ "\"email\":\"r@example.com\",\"password\":\"SecurePass123!\"}");
			String userId = registered.json().get("id").asString();
			String oldToken = registered.json().get("token").asString();
			String oldKid = kid(oldToken);
			assertThat(jwksKids(api)).contains(oldKid);

			var rotated = api.postJson("/actuator/signingkeys", null);
			assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
			String newKid = rotated.json().get("signingKey").asString();
			assertThat(newKid).isNotEqualTo(oldKid);
			String newToken = signIn(api, "rotor");
			assertThat(kid(newToken)).isEqualTo(newKid);
			assertThat(api.withToken(oldToken).get("/v1/users/" + userId).status()).isEqualTo(200);
			assertThat(api.withToken(newToken).get("/v1/users/" + userId).status()).isEqualTo(200);
			assertThat(jwksKids(api)).contains(oldKid, newKid);
			var listed = api.get("/actuator/signingkeys").json().get("keys");
			assertThat(listed.toString()).doesNotContain("private").contains(oldKid, newKid);

			// by age: past six seconds the next token is signed by a third key, and the first one, retired
			// for longer than the retention, is gone from the table and the JWK Set
			Thread.sleep(6500);
			String third = kid(signIn(api, "rotor"));
			assertThat(third).isNotIn(oldKid, newKid);
			assertThat(jwksKids(api)).doesNotContain(oldKid).contains(newKid, third);
			assertThat(api.get("/actuator/signingkeys").json().get("keys").toString()).doesNotContain(oldKid);
			assertThat(api.withToken(newToken).get("/v1/users/" + userId).status()).isEqualTo(200);
		}
	}

	private record Registered(ApiClient api, String id) {

		/** Reads the user's own profile: the token verifies. */
		int readsProfile() {
			return api.get("/v1/users/" + id).status();
		}

	}

	private static Registered user(ConfigurableApplicationContext server, UUID tenant) {
		ApiClient api = new ApiClient(TestServers.base(server), null, tenant);
		String name = "u" + UUID.randomUUID().toString().substring(0, 8);
		var registered = api.postJson("/v1/users", "{\"username\":\"" + name + "\",\"firstName\":\"S\",\"lastName\":\"A\","
				+ "\"email\":\"" + name + "@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return new Registered(api.withToken(registered.json().get("token").asString()), registered.json().get("id").asString());
	}

	private static String signIn(ApiClient api, String username) {
		var reply = new ApiClient(api.base(), null, UUID.fromString(api.defaultHeader("X-Tenant-ID")))
			.postJson("/v1/auth/tokens", "{\"username\":\"" + username + "\",\"password\":\"SecurePass123!\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("token").asString();
	}

	private static List<String> jwksKids(ApiClient api) {
		var keys = api.get("/oauth2/jwks").json().get("keys");
		List<String> kids = new ArrayList<>();
		keys.forEach(key -> {
			assertThat(key.has("d")).as("private exponent published").isFalse();
			kids.add(key.get("kid").asString());
		});
		return kids;
	}

	private static String kid(String jwt) throws Exception {
		return SignedJWT.parse(jwt).getHeader().getKeyID();
	}

	private static String sign(KeyPair key, String kid, UUID tenant, String userId, String issuer) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new JWTClaimsSet.Builder()
			.subject(userId)
			.issuer(issuer)
			.claim("tid", tenant.toString())
			.claim("scope", "read:user write:user")
			.issueTime(new java.util.Date())
			.expirationTime(java.util.Date.from(Instant.now().plusSeconds(300)))
			.build());
		jwt.sign(new RSASSASigner(key.getPrivate()));
		return jwt.serialize();
	}

	private static String storedPrivateKey(String url, String kid) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.username(), "");
				var select = connection.prepareStatement("SELECT private_key FROM auth_signing_key WHERE kid = ?")) {
			select.setString(1, kid);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getString(1);
			}
		}
	}

	private static List<String> tables(Connection connection) throws Exception {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				String schema = rs.getString("TABLE_SCHEM");
				if (schema == null || schema.equalsIgnoreCase("public")) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		assertThat(tables).isNotEmpty();
		return tables;
	}

	/** Whether a stored text is (the base64 of) a PKCS#8 RSA private key. */
	private static boolean isPrivateKey(String value) {
		try {
			KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(value.strip())));
			return true;
		}
		catch (Exception notAKey) {
			return false;
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
