package io.petstore.oauth;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Scopes;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.DomainException;

/**
 * Registered OAuth2 clients: those of {@code petstore.oauth2.clients.*} (written at every start) and
 * those a tenant's administrator registers through {@code /v1/admin/oauth-clients}. Stored by
 * Spring's {@link RegisteredClientRepository}; secrets are hashed ({@code {bcrypt}}). Every client
 * gets PKCE required for the authorization code, rotating refresh tokens and the configured
 * lifetimes.
 */
@Service
public class OAuthClients {

	static final AuthorizationGrantType IMPLICIT = new AuthorizationGrantType("implicit");

	static final List<AuthorizationGrantType> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE,
			AuthorizationGrantType.REFRESH_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS, AuthorizationGrantType.DEVICE_CODE,
			IMPLICIT);

	/** What a client may ask for: the Modern API's scopes plus OpenID Connect's. */
	static final List<String> SCOPES;

	static {
		List<String> scopes = new ArrayList<>(Scopes.ALL);
		scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE));
		SCOPES = List.copyOf(scopes);
	}

	private static final String ENTITY = "OAUTH_CLIENTS";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RegisteredClientRepository repository;

	private final ClientOwnerRepository owners;

	private final OAuthProperties properties;

	private final AuditTrail audit;

	private final PasswordEncoder secrets = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	OAuthClients(RegisteredClientRepository repository, ClientOwnerRepository owners, OAuthProperties properties,
			AuditTrail audit) {
		this.repository = repository;
		this.owners = owners;
		this.properties = properties;
		this.audit = audit;
	}

	/** Writes the configured clients (a changed configuration replaces what was stored). */
	@Transactional
	void registerConfigured() {
		properties.clients().forEach((clientId, client) -> {
			List<FieldIssue> issues = new ArrayList<>();
			Set<AuthorizationGrantType> grants = grantTypes(client.grantTypes(), issues);
			String secret = client.secret() == null || client.secret().isBlank() ? null : client.secret().strip();
			checkRedirects(client.redirectUris(), grants, issues);
			checkScopes(client.scopes(), issues);
			if (!issues.isEmpty()) {
				throw new IllegalStateException("petstore.oauth2.clients." + clientId + ": " + issues);
			}
			RegisteredClient existing = repository.findByClientId(clientId);
			RegisteredClient built = build(existing == null ? UUID.randomUUID().toString() : existing.getId(), clientId,
					client.name() == null ? clientId : client.name(), secret == null ? null : hash(secret), grants,
					client.redirectUris(), client.scopes(), client.requireConsent() == null || client.requireConsent(),
					client.accessTokenLifetime(), existing == null ? Instant.now() : existing.getClientIdIssuedAt());
			try {
				repository.save(built);
			}
			catch (org.springframework.dao.DuplicateKeyException startedTogether) {
				// another instance starting at the same moment registered it
			}
		});
	}

	@Transactional
	public OAuthClient register(io.petstore.auth.Admin admin, OAuthClientInput input) {
		Tenant tenant = admin.tenant();
		List<FieldIssue> issues = new ArrayList<>();
		if (input.clientName() == null || input.clientName().isBlank()) {
			issues.add(new FieldIssue("clientName", "is required", "required"));
		}
		else if (input.clientName().length() > 200) {
			issues.add(new FieldIssue("clientName", "must be at most 200 characters", "too_long"));
		}
		if (input.grantTypes() == null || input.grantTypes().isEmpty()) {
			issues.add(new FieldIssue("grantTypes", "must name at least one grant type", "required"));
		}
		Set<AuthorizationGrantType> grants = grantTypes(input.grantTypes(), issues);
		List<String> redirects = input.redirectUris() == null ? List.of() : input.redirectUris();
		List<String> scopes = input.scopes() == null ? List.of() : input.scopes();
		checkRedirects(redirects, grants, issues);
		checkScopes(scopes, issues);
		boolean confidential = input.confidential() == null || input.confidential();
		if (!confidential && grants.contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
			issues.add(new FieldIssue("confidential", "client_credentials needs a confidential client (one with a secret)",
					"invalid_combination"));
		}
		if (!issues.isEmpty()) {
			throw DomainException.invalid(issues);
		}
		String clientId = "pc_" + HexFormat.of().formatHex(randomBytes(12));
		String secret = confidential ? Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32)) : null;
		RegisteredClient client = build(UUID.randomUUID().toString(), clientId, input.clientName().strip(),
				secret == null ? null : hash(secret), grants, redirects, scopes,
				input.requireConsent() == null || input.requireConsent(), null, Instant.now());
		repository.save(client);
		owners.setOwner(client.getId(), tenant.id());
		OAuthClient view = view(client, false);
		audit.record(tenant, "OAUTH_CLIENT_REGISTERED", ENTITY, clientId, null, view);
		return view.withSecret(secret);
	}

	@Transactional(readOnly = true)
	public List<OAuthClient> list(io.petstore.auth.Admin admin) {
		Tenant tenant = admin.tenant();
		return owners.visibleTo(tenant.id())
			.stream()
			.map(listed -> {
				RegisteredClient client = repository.findByClientId(listed.clientId());
				return client == null ? null : view(client, listed.configured());
			})
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	@Transactional(readOnly = true)
	public OAuthClient get(io.petstore.auth.Admin admin, String clientId) {
		Tenant tenant = admin.tenant();
		RegisteredClient client = visible(tenant, clientId);
		return view(client, ownerOf(client.getId()) == null);
	}

	/** The client if this tenant registered it or it is configured; 404 otherwise. */
	private RegisteredClient visible(Tenant tenant, String clientId) {
		RegisteredClient client = repository.findByClientId(clientId);
		UUID owner = client == null ? null : ownerOf(client.getId());
		if (client == null || (owner != null && !owner.equals(tenant.id()))) {
			throw DomainException.notFound("OAuth client", clientId);
		}
		return client;
	}

	/** Deletes a client this tenant registered, with its authorizations and consents (its tokens stop working). */
	@Transactional
	public void delete(io.petstore.auth.Admin admin, String clientId) {
		Tenant tenant = admin.tenant();
		RegisteredClient client = visible(tenant, clientId);
		if (ownerOf(client.getId()) == null) {
			throw DomainException.conflict("The client '" + clientId
					+ "' comes from configuration (petstore.oauth2.clients); remove it there.");
		}
		OAuthClient before = view(client, false);
		owners.deleteWithAuthorizations(client.getId());
		audit.record(tenant, "OAUTH_CLIENT_DELETED", ENTITY, clientId, before, null);
	}

	/** The tenant a client-credentials token of this client acts in: its registrar's, or the shared pool. */
	Tenant tenantOf(RegisteredClient client) {
		UUID owner = ownerOf(client.getId());
		return owner == null ? Tenant.SHARED : new Tenant(owner);
	}

	private UUID ownerOf(String id) {
		return owners.ownerOf(id).orElse(null);
	}

	private RegisteredClient build(String id, String clientId, String name, String secretHash,
			Set<AuthorizationGrantType> grants, List<String> redirects, List<String> scopes, boolean consent,
			Duration accessTokenLifetime, Instant issuedAt) {
		RegisteredClient.Builder builder = RegisteredClient.withId(id)
			.clientId(clientId)
			.clientName(name)
			.clientIdIssuedAt(issuedAt.truncatedTo(ChronoUnit.SECONDS))
			.authorizationGrantTypes(set -> set.addAll(grants))
			.redirectUris(set -> set.addAll(redirects))
			.scopes(set -> set.addAll(scopes))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(consent).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(accessTokenLifetime == null ? properties.accessTokenLifetime() : accessTokenLifetime)
				.refreshTokenTimeToLive(properties.refreshTokenLifetime())
				.reuseRefreshTokens(false)
				.authorizationCodeTimeToLive(properties.authorizationCodeLifetime())
				.deviceCodeTimeToLive(properties.deviceCodeLifetime())
				.build());
		if (secretHash == null) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			builder.clientSecret(secretHash)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		return builder.build();
	}

	private OAuthClient view(RegisteredClient client, boolean configured) {
		return new OAuthClient(client.getClientId(), null, client.getClientName(),
				client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
				client.getRedirectUris().stream().sorted().toList(), client.getScopes().stream().sorted().toList(),
				!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
				client.getClientSettings().isRequireAuthorizationConsent(), configured, client.getClientIdIssuedAt());
	}

	private String hash(String secret) {
		return secret.startsWith("{") ? secret : secrets.encode(secret);
	}

	private static Set<AuthorizationGrantType> grantTypes(List<String> names, List<FieldIssue> issues) {
		Set<AuthorizationGrantType> grants = new LinkedHashSet<>();
		for (String name : names == null ? List.<String>of() : names) {
			GRANT_TYPES.stream()
				.filter(g -> g.getValue().equals(name))
				.findFirst()
				.ifPresentOrElse(grants::add, () -> issues.add(new FieldIssue("grantTypes",
						"unknown grant type '" + name + "': use any of " + GRANT_TYPES.stream().map(AuthorizationGrantType::getValue).toList(),
						"invalid_enum")));
		}
		return grants;
	}

	private static void checkRedirects(List<String> redirects, Set<AuthorizationGrantType> grants, List<FieldIssue> issues) {
		boolean needsRedirect = grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE) || grants.contains(IMPLICIT);
		if (needsRedirect && redirects.isEmpty()) {
			issues.add(new FieldIssue("redirectUris", "authorization_code and implicit need at least one redirect URI", "required"));
		}
		if (redirects.size() > 10) {
			issues.add(new FieldIssue("redirectUris", "at most 10", "too_many"));
		}
		for (String uri : redirects) {
			if (!validRedirect(uri)) {
				issues.add(new FieldIssue("redirectUris", "'" + uri
						+ "' is not an absolute http(s) URI without a fragment, nor a path starting with /", "invalid_uri"));
			}
		}
	}

	private static boolean validRedirect(String uri) {
		if (uri == null || uri.isBlank() || uri.length() > 500 || uri.contains(",") || uri.contains("#")) {
			return false;
		}
		if (uri.startsWith("/")) {
			return !uri.startsWith("//");
		}
		try {
			URI parsed = new URI(uri);
			return parsed.getHost() != null && ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
					&& parsed.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException bad) {
			return false;
		}
	}

	private static void checkScopes(List<String> scopes, List<FieldIssue> issues) {
		for (String scope : scopes) {
			if (!SCOPES.contains(scope)) {
				issues.add(new FieldIssue("scopes", "unknown scope '" + scope + "': use any of " + SCOPES, "invalid_enum"));
			}
		}
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
