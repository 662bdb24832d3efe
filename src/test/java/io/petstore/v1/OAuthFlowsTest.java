package io.petstore.v1;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Browser;
import io.petstore.support.Browser.Page;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server end to end over HTTP: a person's steps (login form, consent page, device
 * verification page) are taken by {@link Browser}, which submits the pages' forms as a browser does;
 * the clients' steps are plain token-endpoint requests. Every token is then used on the /v1 API.
 */
class OAuthFlowsTest extends ModernApiTest {

	private static final String CALLBACK = "https://app.example.test/callback";

	private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private final Browser browser = new Browser();

	private final HttpClient http = HttpClient.newHttpClient();

	record Client(String id, String secret) {
	}

	@Test
	void authorizationCodeWithPkceConsentAndRotatingRefreshTokens() throws Exception {
		Client app = registerClient("{\"clientName\":\"Pet app\",\"grantTypes\":[\"authorization_code\",\"refresh_token\"],"
				+ "\"redirectUris\":[\"" + CALLBACK + "\"],\"scopes\":[\"read:pets\",\"write:pets\",\"read:user\"]}");
		Account user = register(uniqueName("oauth"));
		String verifier = verifier();

		// not signed in: the authorization endpoint sends the browser to the login page
		Page start = browser.get(authorizeUrl(app.id(), CALLBACK, "read:pets read:user", "st-1", challenge(verifier)));
		assertThat(start.status()).as(start.toString()).isEqualTo(302);
		assertThat(Browser.resolve(start)).isEqualTo(base() + "/login");
		Page consent = browser.follow(signIn(browser.get(Browser.resolve(start)), user), base());

		// Spring's consent page names the client and the scopes; approving redirects with a code
		assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
		assertThat(consent.body()).contains(app.id()).contains("read:user");
		Page approved = browser.post(base() + "/oauth2/authorize", List.of(new String[] { "client_id", app.id() },
				new String[] { "state", consent.input("state") }, new String[] { "scope", "read:pets" },
				new String[] { "scope", "read:user" }));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(302);
		assertThat(approved.location()).startsWith(CALLBACK + "?code=").contains("state=st-1");
		String code = queryParameter(approved.location(), "code");

		// PKCE: the wrong verifier is refused
		Reply mismatch = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
				"code_verifier", verifier());
		assertThat(mismatch.status()).as(mismatch.toString()).isEqualTo(400);
		assertThat(mismatch.json().get("error").asString()).isEqualTo("invalid_grant");

		// a second authorization: the consent is remembered, the code comes at once
		String verifier2 = verifier();
		Page again = browser.get(authorizeUrl(app.id(), CALLBACK, "read:pets read:user", "st-2", challenge(verifier2)));
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).startsWith(CALLBACK + "?code=").contains("state=st-2");
		Reply tokens = token(app, "grant_type", "authorization_code", "code", queryParameter(again.location(), "code"),
				"redirect_uri", CALLBACK, "code_verifier", verifier2);
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		assertThat(tokens.header("Cache-Control")).contains("no-store");
		JsonNode body = tokens.json();
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asInt()).isBetween(3590, 3600);
		assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("read:pets", "read:user");
		String access = body.get("access_token").asString();
		String refresh = body.get("refresh_token").asString();

		// the same JWT as POST /v1/auth/tokens: its user, tenant and scopes
		Map<String, Object> claims = SignedJWT.parse(access).getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("sub", user.id()).containsEntry("tid", tenant.toString())
			.containsEntry("username", user.username()).containsEntry("client_id", app.id());
		assertThat(as(access).get("/v1/users/" + user.id()).status()).isEqualTo(200);
		// scopes are enforced per operation: write:user and write:pets were not granted
		assertProblem(as(access).putJson("/v1/users/" + user.id(), "{\"firstName\":\"Mallory\"}"), 403, "forbidden");
		assertProblem(as(access).postJson("/v1/pets", petJson("Rex", "10")), 403, "forbidden");

		// refresh rotation: a new refresh token each time, the old one is spent
		Reply refreshed = token(app, "grant_type", "refresh_token", "refresh_token", refresh);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		String refresh2 = refreshed.json().get("refresh_token").asString();
		assertThat(refresh2).isNotEqualTo(refresh);
		assertThat(as(refreshed.json().get("access_token").asString()).get("/v1/users/" + user.id()).status()).isEqualTo(200);
		Reply reused = token(app, "grant_type", "refresh_token", "refresh_token", refresh);
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(token(app, "grant_type", "refresh_token", "refresh_token", refresh2).status()).isEqualTo(200);
		// a refresh cannot widen the grant
		Reply wider = token(app, "grant_type", "refresh_token", "refresh_token", refresh2, "scope", "write:pets");
		assertThat(wider.status()).isEqualTo(400);
	}

	@Test
	void wrongRedirectUriMissingPkceAndUnknownScopesAreRefused() throws Exception {
		Client app = registerClient("{\"clientName\":\"Strict app\",\"grantTypes\":[\"authorization_code\"],"
				+ "\"redirectUris\":[\"" + CALLBACK + "\"],\"scopes\":[\"read:pets\"]}");
		String challenge = challenge(verifier());

		// an unregistered redirect URI: an error page, never a redirect there
		Page evil = browser.get(authorizeUrl(app.id(), "https://evil.example.test/callback", "read:pets", "s", challenge));
		assertThat(evil.status()).as(evil.toString()).isEqualTo(400);
		assertThat(evil.location()).isNull();
		Page prefix = browser.get(authorizeUrl(app.id(), CALLBACK + "/more", "read:pets", "s", challenge));
		assertThat(prefix.status()).isEqualTo(400);
		// unknown client
		assertThat(browser.get(authorizeUrl("no-such-client", CALLBACK, "read:pets", "s", challenge)).status()).isEqualTo(400);
		// PKCE is required: without a code challenge the client is told so at its redirect URI
		Page noPkce = browser.get(base() + "/oauth2/authorize?response_type=code&client_id=" + app.id() + "&redirect_uri="
				+ enc(CALLBACK) + "&scope=read:pets&state=s");
		assertThat(noPkce.status()).isEqualTo(302);
		assertThat(noPkce.location()).startsWith(CALLBACK + "?error=invalid_request");
		// a scope the client is not registered for
		Page scope = browser.get(authorizeUrl(app.id(), CALLBACK, "write:orders", "s", challenge));
		assertThat(scope.location()).startsWith(CALLBACK + "?error=invalid_scope");
		// a wrong client secret at the token endpoint
		Reply secret = token(new Client(app.id(), "wrong"), "grant_type", "authorization_code", "code", "x",
				"redirect_uri", CALLBACK, "code_verifier", verifier());
		assertThat(secret.status()).isEqualTo(401);
		assertThat(secret.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void deviceAuthorizationGrantWithPendingAndSlowDown() throws Exception {
		Client tv = registerClient("{\"clientName\":\"Pet TV\",\"grantTypes\":[\"" + DEVICE_GRANT + "\",\"refresh_token\"],"
				+ "\"scopes\":[\"read:pets\",\"write:pets\"],\"confidential\":false}");
		Account user = register(uniqueName("device"));

		Reply started = post("/oauth2/device_authorization", null, "client_id", tv.id(), "scope", "read:pets write:pets");
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		JsonNode device = started.json();
		String deviceCode = device.get("device_code").asString();
		String userCode = device.get("user_code").asString();
		assertThat(device.get("verification_uri").asString()).isEqualTo(base() + "/oauth2/device_verification");
		assertThat(device.get("verification_uri_complete").asString()).endsWith("?user_code=" + userCode);
		assertThat(device.get("interval").asInt()).isEqualTo(1);
		assertThat(device.get("expires_in").asInt()).isBetween(590, 600);

		// the device polls before the person has done anything
		Reply pending = post("/oauth2/token", null, "grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", tv.id());
		assertThat(pending.status()).as(pending.toString()).isEqualTo(400);
		assertThat(pending.json().get("error").asString()).isEqualTo("authorization_pending");
		// and again at once: too fast
		Reply slow = post("/oauth2/token", null, "grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", tv.id());
		long slowAt = System.nanoTime();
		assertThat(slow.status()).isEqualTo(400);
		assertThat(slow.json().get("error").asString()).isEqualTo("slow_down");
		assertThat(slow.json().get("error_description").asString()).contains("6 seconds");

		// the person opens the verification page, signs in, types the code and approves
		Page form = browser.get(device.get("verification_uri").asString());
		assertThat(Browser.resolve(form)).isEqualTo(base() + "/login");
		Page codeForm = browser.follow(signIn(browser.get(Browser.resolve(form)), user), base());
		assertThat(codeForm.status()).as(codeForm.toString()).isEqualTo(200);
		assertThat(codeForm.inputs()).anyMatch(input -> "user_code".equals(input.get("name")));
		Page consent = browser.get(base() + "/oauth2/device_verification?user_code=" + enc(userCode));
		assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
		assertThat(consent.body()).contains(tv.id());
		Page done = browser.post(base() + "/oauth2/device_verification", List.of(new String[] { "client_id", tv.id() },
				new String[] { "state", consent.input("state") }, new String[] { "user_code", consent.input("user_code") },
				new String[] { "scope", "read:pets" }, new String[] { "scope", "write:pets" }));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.body()).contains("Your device is connected");

		// after the slowed-down interval the device gets its tokens
		Thread.sleep(Math.max(0, 6_300 - (System.nanoTime() - slowAt) / 1_000_000));
		Reply tokens = post("/oauth2/token", null, "grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", tv.id());
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		String access = tokens.json().get("access_token").asString();
		assertThat(tokens.json().get("refresh_token")).isNotNull();
		assertThat(as(access).postJson("/v1/pets", petJson("Telly", "12")).status()).isEqualTo(201);
		// the device code works once
		Reply spent = post("/oauth2/token", null, "grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", tv.id());
		assertThat(spent.status()).isEqualTo(400);
		// a made-up user code is refused on the verification page
		assertThat(browser.get(base() + "/oauth2/device_verification?user_code=WXYZ-WXYZ").status()).isEqualTo(400);
	}

	@Test
	void clientCredentialsIntrospectionRevocationAndClientDeletion() throws Exception {
		Client service = registerClient("{\"clientName\":\"Inventory sync\",\"grantTypes\":[\"client_credentials\"],"
				+ "\"scopes\":[\"read:pets\",\"write:pets\"]}");
		assertThat(service.secret()).isNotBlank();

		Reply issued = token(service, "grant_type", "client_credentials", "scope", "write:pets");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.json().get("refresh_token")).isNull();
		String access = issued.json().get("access_token").asString();
		Map<String, Object> claims = SignedJWT.parse(access).getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("sub", service.id()).containsEntry("client_id", service.id())
			.containsEntry("tid", tenant.toString()).doesNotContainKey("username");

		// the client acts in its tenant with its scopes; operations that act for a user refuse it
		assertThat(as(access).postJson("/v1/pets", petJson("Synced", "20")).status()).isEqualTo(201);
		assertProblem(as(access).get("/v1/orders/" + MAX), 403, "forbidden");
		Reply readOnly = token(service, "grant_type", "client_credentials", "scope", "read:pets");
		assertProblem(as(readOnly.json().get("access_token").asString()).postJson("/v1/pets", petJson("No", "1")), 403, "forbidden");
		// a scope the client does not have
		assertThat(token(service, "grant_type", "client_credentials", "scope", "write:orders").json().get("error").asString())
			.isEqualTo("invalid_scope");

		// introspection (RFC 7662), by the client itself
		JsonNode active = post("/oauth2/introspect", service, "token", access).json();
		assertThat(active.get("active").asBoolean()).isTrue();
		assertThat(active.get("client_id").asString()).isEqualTo(service.id());
		assertThat(active.get("scope").asString()).isEqualTo("write:pets");
		// revocation (RFC 7009): the token stops working at once on the API
		assertThat(post("/oauth2/revoke", service, "token", access, "token_type_hint", "access_token").status()).isEqualTo(200);
		assertThat(post("/oauth2/introspect", service, "token", access).json().get("active").asBoolean()).isFalse();
		assertProblem(as(access).postJson("/v1/pets", petJson("Late", "1")), 401, "unauthorized");
		// revoking an unknown token is not an error (RFC 7009)
		assertThat(post("/oauth2/revoke", service, "token", "not-a-token").status()).isEqualTo(200);

		// deleting the client ends its tokens and its grant
		String another = token(service, "grant_type", "client_credentials", "scope", "write:pets").json().get("access_token").asString();
		assertThat(admin().delete("/v1/admin/oauth-clients/" + service.id()).status()).isEqualTo(204);
		assertProblem(as(another).postJson("/v1/pets", petJson("Gone", "1")), 401, "unauthorized");
		assertThat(token(service, "grant_type", "client_credentials").status()).isEqualTo(401);
	}

	@Test
	void expiredAccessTokensAreRefused() throws Exception {
		// configured client (src/test/resources/config): 1 s tokens; the tests' clock skew is 1 s
		Client shortLived = new Client("short-lived", "short-lived-secret");
		Reply issued = token(shortLived, "grant_type", "client_credentials", "scope", "write:pets");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.json().get("expires_in").asInt()).isLessThanOrEqualTo(1);
		String access = issued.json().get("access_token").asString();
		ApiClient shared = new ApiClient(base(), null, null).withModernValidator(modernValidator()).withToken(access);
		assertThat(shared.postJson("/v1/pets", petJson("Quick", "1")).status()).isEqualTo(201);
		Thread.sleep(2_500);
		assertProblem(shared.postJson("/v1/pets", petJson("Slow", "1")), 401, "unauthorized");
		assertThat(post("/oauth2/introspect", shortLived, "token", access).json().get("active").asBoolean()).isFalse();
	}

	@Test
	void swaggerUiIsRegisteredForItsOwnPageWithPkceAndTheClassicImplicitGrant() throws Exception {
		Account user = register(uniqueName("swagger"));
		String redirect = base() + "/webjars/swagger-ui/oauth2-redirect.html";
		assertThat(browser.get(redirect).status()).isEqualTo(200);

		// the classic implicit grant (/oauth/dialog, deprecated): the token comes in the fragment
		String dialog = base() + "/oauth/dialog?response_type=token&client_id=swagger-ui&redirect_uri=" + enc(redirect)
				+ "&scope=" + enc("write:pets read:pets") + "&state=xyz";
		Page login = browser.get(dialog);
		assertThat(Browser.resolve(login)).isEqualTo(base() + "/login");
		Page granted = browser.follow(signIn(browser.get(Browser.resolve(login)), user), base() + "/oauth/");
		assertThat(granted.status()).as(granted.toString()).isEqualTo(302);
		assertThat(granted.location()).startsWith(redirect + "#access_token=");
		Map<String, String> fragment = parameters(URI.create(granted.location()).getRawFragment());
		assertThat(fragment).containsEntry("token_type", "Bearer").containsEntry("state", "xyz")
			.containsEntry("scope", "write:pets read:pets");
		assertThat(Integer.parseInt(fragment.get("expires_in"))).isBetween(3590, 3600);
		assertThat(as(fragment.get("access_token")).postJson("/v1/pets", petJson("Implicit", "5")).status()).isEqualTo(201);
		// implicit tokens are recorded like any other: revocable
		assertThat(post("/oauth2/revoke", null, "token", fragment.get("access_token"), "client_id", "swagger-ui").status())
			.isEqualTo(200);
		assertProblem(as(fragment.get("access_token")).postJson("/v1/pets", petJson("Revoked", "5")), 401, "unauthorized");

		// a redirect URI on another origin is not Swagger UI's: an error page, no redirect
		Page other = browser.get(base() + "/oauth/dialog?response_type=token&client_id=swagger-ui&redirect_uri="
				+ enc("https://evil.example.test/webjars/swagger-ui/oauth2-redirect.html") + "&scope=read:pets");
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.location()).isNull();
		// a client without the implicit grant is told so at its redirect URI
		Client app = registerClient("{\"clientName\":\"No implicit\",\"grantTypes\":[\"authorization_code\"],"
				+ "\"redirectUris\":[\"" + CALLBACK + "\"],\"scopes\":[\"read:pets\"]}");
		Page unauthorized = browser.get(base() + "/oauth/dialog?response_type=token&client_id=" + app.id() + "&redirect_uri="
				+ enc(CALLBACK) + "&scope=read:pets");
		assertThat(unauthorized.location()).startsWith(CALLBACK + "#error=unauthorized_client");
		Page unknownScope = browser.get(dialog.replace(enc("write:pets read:pets"), "admin"));
		assertThat(unknownScope.location()).startsWith(redirect + "#error=invalid_scope");

		// Swagger UI with the authorization code and PKCE: a public client, no consent page, no refresh token
		String verifier = verifier();
		Page code = browser.get(authorizeUrl("swagger-ui", redirect, "read:pets write:pets", "sw", challenge(verifier)));
		assertThat(code.status()).as(code.toString()).isEqualTo(302);
		assertThat(code.location()).startsWith(redirect + "?code=");
		Reply tokens = post("/oauth2/token", null, "grant_type", "authorization_code", "code", queryParameter(code.location(), "code"),
				"redirect_uri", redirect, "code_verifier", verifier, "client_id", "swagger-ui");
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		assertThat(tokens.json().get("refresh_token")).isNull();
		assertThat(as(tokens.json().get("access_token").asString()).postJson("/v1/pets", petJson("Swagger", "5")).status())
			.isEqualTo(201);
	}

	@Test
	void theLoginPageRefusesBadCredentialsAndAnUnknownTenantFormat() {
		Account user = register(uniqueName("login"));
		Page form = browser.get(base() + "/login");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.input("_csrf")).isNotBlank();
		Page wrong = browser.post(base() + "/login", List.of(new String[] { "username", user.username() },
				new String[] { "password", "wrong-password" }, new String[] { "tenant", tenant.toString() },
				new String[] { "_csrf", form.input("_csrf") }));
		assertThat(Browser.resolve(wrong)).isEqualTo(base() + "/login?error");
		assertThat(browser.get(Browser.resolve(wrong)).body()).contains("Invalid username or password.");
		// the user exists in the test's tenant only
		Page elsewhere = browser.post(base() + "/login", List.of(new String[] { "username", user.username() },
				new String[] { "password", "SecurePass123!" }, new String[] { "_csrf", browser.get(base() + "/login").input("_csrf") }));
		assertThat(Browser.resolve(elsewhere)).isEqualTo(base() + "/login?error");
		Page badTenant = browser.post(base() + "/login", List.of(new String[] { "username", user.username() },
				new String[] { "password", "SecurePass123!" }, new String[] { "tenant", "not-a-uuid" },
				new String[] { "_csrf", browser.get(base() + "/login").input("_csrf") }));
		assertThat(browser.get(Browser.resolve(badTenant)).body()).contains("The tenant must be a UUID");
		// without the CSRF token the form is refused
		Page forged = browser.post(base() + "/login", List.of(new String[] { "username", user.username() },
				new String[] { "password", "SecurePass123!" }, new String[] { "tenant", tenant.toString() }));
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void discoveryAndJwksDescribeTheServerAndVerifyItsTokens() throws Exception {
		JsonNode oidc = new ApiClient(base(), null, null).get("/.well-known/openid-configuration").json();
		assertThat(oidc.get("issuer").asString()).isEqualTo(base());
		assertThat(oidc.get("authorization_endpoint").asString()).isEqualTo(base() + "/oauth2/authorize");
		assertThat(oidc.get("token_endpoint").asString()).isEqualTo(base() + "/oauth2/token");
		assertThat(oidc.get("device_authorization_endpoint").asString()).isEqualTo(base() + "/oauth2/device_authorization");
		assertThat(oidc.get("revocation_endpoint").asString()).isEqualTo(base() + "/oauth2/revoke");
		assertThat(oidc.get("introspection_endpoint").asString()).isEqualTo(base() + "/oauth2/introspect");
		assertThat(oidc.get("code_challenge_methods_supported").toString()).contains("S256");
		assertThat(oidc.get("grant_types_supported").toString()).contains("authorization_code", "client_credentials",
				"refresh_token", DEVICE_GRANT);
		JsonNode metadata = new ApiClient(base(), null, null).get("/.well-known/oauth-authorization-server").json();
		assertThat(metadata.get("issuer").asString()).isEqualTo(base());

		String jwks = new ApiClient(base(), null, null).get(oidc.get("jwks_uri").asString().substring(base().length())).body();
		assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"");
		// a token of POST /v1/auth/tokens and one of the authorization server: both verify with the published keys
		Account user = register(uniqueName("jwks"));
		String access = token(new Client("short-lived", "short-lived-secret"), "grant_type", "client_credentials").json()
			.get("access_token").asString();
		for (String token : List.of(user.token(), access)) {
			SignedJWT jwt = SignedJWT.parse(token);
			RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(key).isNotNull();
			assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) key.toPublicKey()))).isTrue();
			assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(base());
		}
	}

	@Test
	void administratorsRegisterClientsOthersCannot() {
		ApiClient admin = admin();
		Account user = register(uniqueName("notadmin"));
		assertProblem(as(user).postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"client_credentials\"]}"),
				403, "forbidden");
		assertProblem(api.get("/v1/admin/oauth-clients"), 401, "unauthorized");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"password\"]}"), 422,
				"validation-error");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"authorization_code\"]}"),
				422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"authorization_code\"],"
				+ "\"redirectUris\":[\"https://a.example/cb#frag\"]}"), 422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"client_credentials\"],"
				+ "\"confidential\":false}"), 422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"client_credentials\"],"
				+ "\"scopes\":[\"admin\"]}"), 422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":"), 400, "bad-request");
		assertProblem(admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"x\",\"grantTypes\":[\"client_credentials\"],"
				+ "\"colour\":\"red\"}"), 422, "validation-error");

		Reply created = admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"Listed\",\"grantTypes\":[\"client_credentials\"]}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("clientId").asString();
		assertThat(created.header("Location")).endsWith("/v1/admin/oauth-clients/" + id);
		Reply fetched = admin.get("/v1/admin/oauth-clients/" + id);
		assertThat(fetched.json().get("clientName").asString()).isEqualTo("Listed");
		assertThat(fetched.json().get("clientSecret")).isNull();
		List<String> listed = new ArrayList<>();
		admin.get("/v1/admin/oauth-clients").json().get("data").forEach(c -> listed.add(c.get("clientId").asString()));
		assertThat(listed).contains(id, "swagger-ui", "short-lived");
		// another tenant's administrator sees configured clients but not this one
		ApiClient otherAdmin = new ApiClient(base(), null, java.util.UUID.randomUUID()).withModernValidator(modernValidator());
		String otherToken = otherAdmin.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
			.json().get("token").asString();
		assertProblem(otherAdmin.withToken(otherToken).get("/v1/admin/oauth-clients/" + id), 404, "not-found");
		assertProblem(otherAdmin.withToken(otherToken).delete("/v1/admin/oauth-clients/" + id), 404, "not-found");
		// configured clients are changed in configuration only
		assertProblem(admin.delete("/v1/admin/oauth-clients/swagger-ui"), 409, "conflict");
		assertThat(admin.get("/v1/audit-logs".replace("/v1/", "/v1/admin/") + "?entityType=OAUTH_CLIENTS").body())
			.contains("OAUTH_CLIENT_REGISTERED").doesNotContain(created.json().get("clientSecret").asString());
	}

	// ---- helpers

	private Client registerClient(String json) {
		Reply reply = admin().postJson("/v1/admin/oauth-clients", json);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode body = reply.json();
		return new Client(body.get("clientId").asString(), body.get("clientSecret") == null ? null : body.get("clientSecret").asString());
	}

	/** Fills in and submits the login form shown on {@code form}; answers the redirect after it. */
	private Page signIn(Page form, Account user) {
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		Page after = browser.post(base() + "/login", List.of(new String[] { "username", user.username() },
				new String[] { "password", "SecurePass123!" }, new String[] { "tenant", tenant.toString() },
				new String[] { "_csrf", form.input("_csrf") }));
		assertThat(after.status()).as(after.toString()).isEqualTo(302);
		assertThat(after.location()).doesNotContain("error");
		return after;
	}

	private String authorizeUrl(String clientId, String redirect, String scope, String state, String challenge) {
		return base() + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirect)
				+ "&scope=" + enc(scope) + "&state=" + enc(state) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
	}

	private Reply token(Client client, String... form) {
		return post("/oauth2/token", client, form);
	}

	/** A form POST; {@code client} authenticates with HTTP Basic (null: none). */
	private Reply post(String path, Client client, String... form) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < form.length; i += 2) {
			body.append(body.length() == 0 ? "" : "&").append(enc(form[i])).append('=').append(enc(form[i + 1]));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (client != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((enc(client.id()) + ":" + enc(client.secret())).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String verifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String queryParameter(String url, String name) {
		return parameters(URI.create(url).getRawQuery()).get(name);
	}

	private static Map<String, String> parameters(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
