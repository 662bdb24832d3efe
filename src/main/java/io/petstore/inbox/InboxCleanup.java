package io.petstore.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.classic.ClassicUserDeleted;
import io.petstore.tenancy.TenantSeedRequested;

/**
 * Removes what an account leaves behind: a deleted classic user's keys, domains, inboxes and mail
 * (in the deleting transaction, so a new user of the same name starts empty), and a reset
 * tenant's whole inbox data (a tenant starts without any).
 */
@Component
class InboxCleanup {

	private final ApiKeys keys;

	private final DomainRepository domains;

	private final InboxRepository inboxes;

	private final MessageRepository messages;

	InboxCleanup(ApiKeys keys, DomainRepository domains, InboxRepository inboxes, MessageRepository messages) {
		this.keys = keys;
		this.domains = domains;
		this.inboxes = inboxes;
		this.messages = messages;
	}

	@EventListener
	void userDeleted(ClassicUserDeleted event) {
		InboxAccount owner = new InboxAccount(event.tenant(), event.userId());
		keys.deleteAll(owner);
		inboxes.deleteMessagesOf(owner);
		domains.deleteAll(owner);
	}

	@EventListener
	void reset(TenantSeedRequested event) {
		if (event.reset()) {
			messages.deleteAll(event.tenant());
			domains.deleteAll(event.tenant());
			keys.deleteAll(event.tenant());
		}
	}

}
