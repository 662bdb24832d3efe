package io.petstore.inbox;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;

/** Inboxes: addresses on the account's validated, active domains. */
@Service
class Inboxes {

	private final InboxRepository inboxes;

	private final DomainRepository domains;

	private static final String ENTITY = "INBOXES";

	private final AuditTrail audit;

	Inboxes(InboxRepository inboxes, DomainRepository domains, AuditTrail audit) {
		this.inboxes = inboxes;
		this.domains = domains;
		this.audit = audit;
	}

	@Transactional
	Inbox create(InboxAccount owner, String name) {
		String address = Addresses.address(name);
		String domainName = Addresses.domainOf(address);
		Domain domain = domains.findByName(owner.tenant(), domainName)
			.filter(found -> found.ownerId() == owner.ownerId())
			.orElseThrow(() -> InboxErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, "domain_not_found",
					"Domain " + domainName + " is not one of yours; add it with POST /domain and validate it first"));
		if (!domain.validated()) {
			throw InboxErrors.of(HttpStatus.CONFLICT, "not_validated",
					"Domain " + domainName + " is not validated yet: publish its TXT record, then POST /domain/" + domain.id() + "/validate");
		}
		if (!domain.active()) {
			throw InboxErrors.of(HttpStatus.CONFLICT, "domain_inactive", "Domain " + domainName + " is not active");
		}
		Inbox inbox = new Inbox(InboxIds.newId(), address, domain.id(), InboxIds.now(), 0);
		try {
			inboxes.insert(owner.tenant(), inbox);
		}
		catch (DuplicateKeyException ex) {
			throw InboxErrors.conflict("Inbox " + address + " already exists");
		}
		audit.record(owner.tenant(), "INBOX_CREATED", ENTITY, inbox.id(), null, inbox);
		return inbox;
	}

	List<Inbox> list(InboxAccount owner, UUID domainId) {
		return inboxes.list(owner, domainId);
	}

	Inbox get(InboxAccount owner, UUID id) {
		return inboxes.find(owner, id).orElseThrow(() -> InboxErrors.notFound("Inbox"));
	}

	@Transactional
	void delete(InboxAccount owner, UUID id) {
		Inbox before = inboxes.find(owner, id).orElse(null);
		if (before == null || !inboxes.delete(owner, id)) {
			throw InboxErrors.notFound("Inbox");
		}
		audit.record(owner.tenant(), "INBOX_DELETED", ENTITY, id, before, null);
	}

	/** Inboxes that accept mail for the address now (any tenant); empty for anything else. */
	List<UUID> deliverable(String address) {
		String normalized;
		try {
			normalized = Addresses.address(address);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		return inboxes.deliverable(normalized);
	}

}
