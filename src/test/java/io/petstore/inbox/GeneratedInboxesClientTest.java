package io.petstore.inbox;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.generated.inboxes.ApiClient;
import io.petstore.generated.inboxes.ApiException;
import io.petstore.generated.inboxes.api.ApikeyApi;
import io.petstore.generated.inboxes.api.DomainApi;
import io.petstore.generated.inboxes.api.InboxApi;
import io.petstore.generated.inboxes.model.ApiKey;
import io.petstore.generated.inboxes.model.ApiKeyIn;
import io.petstore.generated.inboxes.model.Domain;
import io.petstore.generated.inboxes.model.DomainIn;
import io.petstore.generated.inboxes.model.Inbox;
import io.petstore.generated.inboxes.model.InboxIn;
import io.petstore.generated.inboxes.model.Message;
import io.petstore.generated.inboxes.model.MessageSummary;
import io.petstore.generated.inboxes.model.NewApiKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the Inboxes API with the Java client (openapi-generator, library {@code native}) generated in
 * the build from src/main/resources/api/inboxes-v2.yaml, the file served as /v2/inboxes/openapi.json,
 * unchanged: key, domain proven over DNS, inbox, a mail through SMTP, read back, deleted.
 */
class GeneratedInboxesClientTest extends InboxTestSupport {

	@Autowired
	SmtpListener smtp;

	/** The Authorization or api_key header the client sends; set as a user of the native client would. */
	private volatile String[] credentials;

	private ApikeyApi keys;

	private DomainApi domains;

	private InboxApi inboxes;

	@BeforeEach
	void client() {
		ApiClient client = new ApiClient();
		client.updateBaseUri(base() + "/v2");
		client.setRequestInterceptor(request -> {
			if (credentials != null) {
				request.header(credentials[0], credentials[1]);
			}
		});
		keys = new ApikeyApi(client);
		domains = new DomainApi(client);
		inboxes = new InboxApi(client);
	}

	@Test
	void keyDomainInboxMailAndDelete() throws Exception {
		createUser("gene");

		// an API key, created with the user's name and password
		credentials = new String[] { "Authorization", basic("gene", PASSWORD) };
		NewApiKey key = keys.createApiKey(tenant, new ApiKeyIn().name("generated client"));
		assertThat(key.getKey()).startsWith("ibx_").startsWith(key.getPrefix());
		assertThat(key.getName()).isEqualTo("generated client");
		credentials = new String[] { "api_key", key.getKey() };
		assertThat(keys.listApiKeys(tenant)).extracting(ApiKey::getId).containsExactly(key.getId());

		// a domain, proven by the TXT record its answer names
		String name = uniqueDomain();
		Domain added = domains.addDomain(new DomainIn().name(name), tenant);
		assertThat(added.getName()).isEqualTo(name);
		assertThat(added.getStatus()).isEqualTo(Domain.StatusEnum.MISSING_VALIDATION);
		assertThat(added.getActive()).isFalse();
		dns.publishTxt(name, added.getValidate());
		Domain validated = domains.validateDomain(added.getId(), tenant);
		assertThat(validated.getStatus()).isEqualTo(Domain.StatusEnum.VALIDATED);
		assertThat(validated.getActive()).isTrue();
		assertThat(validated.getValidatedAt()).isNotNull();
		assertThat(domains.listDomains(tenant)).containsExactly(validated);

		// an inbox on it, and a mail through the SMTP listener
		Inbox inbox = inboxes.createInbox(new InboxIn().name("orders@" + name), tenant);
		assertThat(inbox.getName()).isEqualTo("orders@" + name);
		assertThat(inbox.getDomainId()).isEqualTo(added.getId());
		sendText(smtp.port(), "orders@" + name, "Hello from SMTP", "Your order shipped.");

		List<MessageSummary> summaries = inboxes.listMessages(inbox.getId(), 10, 0, tenant);
		assertThat(summaries).singleElement().satisfies(summary -> {
			assertThat(summary.getSubject()).isEqualTo("Hello from SMTP");
			assertThat(summary.getEnvelopeFrom()).isEqualTo("sender@elsewhere.test");
			assertThat(summary.getInboxId()).isEqualTo(inbox.getId());
		});
		assertThat(inboxes.getInbox(inbox.getId(), tenant).getMessageCount()).isEqualTo(1);
		assertThat(inboxes.listInboxes(tenant, added.getId())).extracting(Inbox::getId).containsExactly(inbox.getId());

		Message message = inboxes.getMessage(inbox.getId(), summaries.get(0).getId(), tenant);
		assertThat(message.getText()).isEqualToIgnoringNewLines("Your order shipped.");
		assertThat(message.getTo()).containsExactly("orders@" + name);
		assertThat(message.getHeaders()).extracting("name").contains("Received", "Subject");
		assertThat(message.getAttachments()).isEmpty();
		String raw = Files.readString(inboxes.getRawMessage(inbox.getId(), message.getId(), tenant).toPath());
		assertThat(raw).contains("Subject: Hello from SMTP").contains("Your order shipped.");

		// delete: the message, the inbox, the domain, the key
		inboxes.deleteMessage(inbox.getId(), message.getId(), tenant);
		assertThat(inboxes.listMessages(inbox.getId(), null, null, tenant)).isEmpty();
		inboxes.deleteInbox(inbox.getId(), tenant);
		assertThatThrownBy(() -> inboxes.getInbox(inbox.getId(), tenant)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.getCode()).isEqualTo(404));
		domains.deleteDomain(added.getId(), tenant);
		assertThat(domains.listDomains(tenant)).isEmpty();
		keys.deleteApiKey(key.getId(), tenant);
		assertThatThrownBy(() -> keys.listApiKeys(tenant)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.getCode()).isEqualTo(401));
	}

}
