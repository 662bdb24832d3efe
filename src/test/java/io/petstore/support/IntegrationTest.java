package io.petstore.support;

import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole server on a random port, on a database of its own (H2
 * file or PostgreSQL, see {@link TestDatabase}), spoken to over real HTTP. Each test method gets a
 * fresh tenant, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	private static final String DATABASE_URL = TestDatabase.newDatabaseUrl("it");

	private static volatile OpenApiInteractionValidator classicValidator;

	private static volatile OpenApi31Validator modernValidator;

	private static volatile OpenApi31Validator inboxesValidator;

	@LocalServerPort
	protected int port;

	/** The test's own tenant. */
	protected UUID tenant;

	/** A client on the test's own tenant whose responses are checked against /v2/swagger.json. */
	protected ApiClient api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", () -> "");
		// the DNS server for domain validation (config/application.properties points the resolver here;
		// a test class may register petstore.inbox.dns.resolver itself to use another)
		registry.add("petstore.test.dns-server", () -> TestDnsServer.shared().address());
	}

	@BeforeEach
	void newTenant() {
		tenant = UUID.randomUUID();
		api = new ApiClient(base(), classicValidator(), tenant).withModernValidator(modernValidator())
			.withInboxesValidator(inboxesValidator());
	}

	protected String base() {
		return "http://localhost:" + port;
	}

	/** The configured administrator's password (src/test/resources/config/application.properties). */
	protected static final String ADMIN_PASSWORD = "Admin-Pass-123";

	/** A client on the test's tenant signed in as the configured administrator. */
	protected ApiClient admin() {
		Reply reply = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
		if (reply.status() != 200) {
			throw new AssertionError("admin sign-in failed: " + reply);
		}
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(reply.json().get("token").asString());
	}

	/** A client on another tenant (null: the shared pool). */
	protected ApiClient clientFor(UUID otherTenant) {
		return new ApiClient(base(), classicValidator(), otherTenant).withModernValidator(modernValidator())
			.withInboxesValidator(inboxesValidator());
	}

	/** Checks /v1 responses against the served OpenAPI 3.1 document (networknt, JSON Schema 2020-12). */
	protected OpenApi31Validator modernValidator() {
		if (modernValidator == null) {
			synchronized (IntegrationTest.class) {
				if (modernValidator == null) {
					String spec = new ApiClient(base(), null, null).get("/v1/openapi.json").body();
					modernValidator = new OpenApi31Validator(spec, "/v1");
				}
			}
		}
		return modernValidator;
	}

	/** Checks Inboxes API responses against /v2/inboxes/openapi.json (networknt, as for /v1). */
	protected OpenApi31Validator inboxesValidator() {
		if (inboxesValidator == null) {
			synchronized (IntegrationTest.class) {
				if (inboxesValidator == null) {
					String spec = new ApiClient(base(), null, null).get("/v2/inboxes/openapi.json").body();
					inboxesValidator = new OpenApi31Validator(spec, "/v2");
				}
			}
		}
		return inboxesValidator;
	}

	protected OpenApiInteractionValidator classicValidator() {
		if (classicValidator == null) {
			synchronized (IntegrationTest.class) {
				if (classicValidator == null) {
					String spec = new ApiClient(base(), null, null).get("/v2/swagger.json").body();
					classicValidator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
				}
			}
		}
		return classicValidator;
	}

}
