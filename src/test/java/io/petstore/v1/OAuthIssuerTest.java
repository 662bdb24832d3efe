package io.petstore.v1;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With an issuer configured, every token carries it, discovery reports it, and the API requires it. */
@TestPropertySource(properties = "spring.security.oauth2.authorizationserver.issuer=https://petstore.example.test")
class OAuthIssuerTest extends ModernApiTest {

	private static final String ISSUER = "https://petstore.example.test";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.petstore.secrets.SecretSeal seal;

	@Test
	void aConfiguredIssuerIsReportedIssuedAndRequired() throws Exception {
		var discovery = api.get("/.well-known/openid-configuration").json();
		assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");

		Account user = register(uniqueName("issuer"));
		assertThat(SignedJWT.parse(user.token()).getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
		String path = "/v1/users/" + user.id();
		assertThat(as(user).get(path).status()).isEqualTo(200);

		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.id()).claim("tid", tenant.toString())
			.claim("scope", "read:user").claim("username", user.username()).issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)));
		assertThat(as(UsersAndTokensTest.signWithServerKey(jdbc, seal, claims.issuer(ISSUER).build())).get(path).status()).isEqualTo(200);
		// signed with the server's own key but naming another issuer, or the address instead of the issuer
		assertProblem(as(UsersAndTokensTest.signWithServerKey(jdbc, seal, claims.issuer("evil").build())).get(path), 401, "unauthorized");
		assertProblem(as(UsersAndTokensTest.signWithServerKey(jdbc, seal, claims.issuer(base()).build())).get(path), 401, "unauthorized");
	}

}
