package io.petstore.inbox;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.support.TypeScriptClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typescript-fetch client generated in the build from inboxes-v2.yaml (the file served as
 * /v2/inboxes/openapi.json), unchanged, type-checked by a strict tsc and run with node through
 * src/test/typescript/flows/inboxes-flow.ts. What a user does outside the API (publish the TXT
 * record, send a mail) the flow asks of this test over a small HTTP helper. Skipped when node or npm
 * is missing.
 */
class GeneratedTypeScriptInboxesClientTest extends InboxTestSupport {

	@Autowired
	SmtpListener smtp;

	@Test
	void theTypeScriptClientRunsTheWholeFlow() throws Exception {
		TypeScriptClients.prepare();
		createUser("tess");
		HttpServer helper = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		helper.createContext("/", exchange -> {
			int status = 204;
			try (InputStream in = exchange.getRequestBody()) {
				JsonNode body = JsonMapper.builder().build().readTree(in.readAllBytes());
				switch (exchange.getRequestURI().getPath()) {
					case "/txt" -> dns.publishTxt(body.get("name").asString(), body.get("value").asString());
					case "/mail" -> sendText(smtp.port(), body.get("to").asString(), body.get("subject").asString(), body.get("text").asString());
					default -> status = 404;
				}
			}
			catch (Exception ex) {
				status = 500;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		helper.start();
		try {
			TypeScriptClients.Result result = TypeScriptClients.runFlow("inboxes-flow",
					Map.of("PETSTORE_BASE_URL", base(), "PETSTORE_TENANT", tenant.toString(), "TEST_HELPER_URL",
							"http://127.0.0.1:" + helper.getAddress().getPort(), "INBOX_USERNAME", "tess", "INBOX_PASSWORD", PASSWORD));
			assertThat(result.code()).as(result.output()).isZero();
			assertThat(result.output()).contains("inboxes flow: all steps passed");
		}
		finally {
			helper.stop(0);
		}
		// the flow deleted what it made: with a new key, tess has that key only and no domain
		var tess = withKey(createKey("tess"));
		assertThat(tess.get("/v2/apikey").json()).hasSize(1);
		assertThat(tess.get("/v2/domain").json()).isEmpty();
	}

}
