package io.petstore.inbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;

/**
 * Domains of an account. Adding one gives it a random TXT value to publish at the domain's name;
 * {@link #validate} looks the record up and, when it is there, marks the domain validated and
 * active. Names are unique per tenant (whoever owns them); renaming resets the proof.
 */
@Service
class Domains {

	static final String TXT_PREFIX = "inboxes-verification=";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DomainRepository domains;

	private final InboxRepository inboxes;

	private final DnsTxtLookup dns;

	private static final String ENTITY = "DOMAINS";

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	Domains(DomainRepository domains, InboxRepository inboxes, DnsTxtLookup dns, AuditTrail audit, TransactionTemplate tx) {
		this.domains = domains;
		this.inboxes = inboxes;
		this.dns = dns;
		this.audit = audit;
		this.tx = tx;
	}

	@Transactional
	Domain add(InboxAccount owner, String requestedName) {
		String name = Addresses.domain(requestedName);
		refuseTaken(owner, name);
		Domain domain = new Domain(InboxIds.newId(), name, newTxtValue(), DomainStatus.MISSING_VALIDATION, false,
				InboxIds.now(), null, owner.ownerId());
		try {
			domains.insert(owner, domain);
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		audit.record(owner.tenant(), "DOMAIN_ADDED", ENTITY, domain.id(), null, domain);
		return domain;
	}

	List<Domain> list(InboxAccount owner) {
		return domains.list(owner);
	}

	Domain get(InboxAccount owner, UUID id) {
		return domains.find(owner, id).orElseThrow(() -> InboxErrors.notFound("Domain"));
	}

	/** Renames and/or switches the domain on or off; see {@link DomainUpdate}. */
	@Transactional
	Domain update(InboxAccount owner, DomainUpdate changes) {
		if (changes == null || changes.id() == null) {
			throw InboxErrors.badRequest("Invalid domain supplied: id is required");
		}
		Domain before = get(owner, InboxErrors.id(changes.id(), "domain id"));
		Domain after = before;
		if (changes.name() != null) {
			String name = Addresses.domain(changes.name());
			if (!name.equals(before.name())) {
				int count = inboxes.countInDomain(before.id());
				if (count > 0) {
					throw InboxErrors.conflict("Domain " + before.name() + " has " + count
							+ " inbox(es); delete them before renaming the domain");
				}
				refuseTaken(owner, name);
				after = new Domain(before.id(), name, newTxtValue(), DomainStatus.MISSING_VALIDATION, false, before.createdAt(),
						null, before.ownerId());
			}
		}
		if (changes.active() != null && changes.active() != after.active()) {
			if (changes.active() && !after.validated()) {
				throw InboxErrors.of(HttpStatus.CONFLICT, "not_validated",
						"Domain " + after.name() + " cannot be activated before its TXT record is validated");
			}
			after = new Domain(after.id(), after.name(), after.validate(), after.status(), changes.active(), after.createdAt(),
					after.validatedAt(), after.ownerId());
		}
		if (after != before) {
			if (!save(owner, before, after)) {
				throw InboxErrors.conflict("Domain " + before.name() + " changed meanwhile; read it again");
			}
			audit.record(owner.tenant(), "DOMAIN_UPDATED", ENTITY, before.id(), before, after);
		}
		return after;
	}

	@Transactional
	void delete(InboxAccount owner, UUID id) {
		Domain before = get(owner, id);
		inboxes.deleteMessagesInDomain(id);
		if (!domains.delete(owner, id)) {
			throw InboxErrors.notFound("Domain");
		}
		audit.record(owner.tenant(), "DOMAIN_DELETED", ENTITY, id, before, null);
	}

	/**
	 * Looks the domain's TXT records up (outside any transaction: DNS may be slow) and, if one of
	 * them is the domain's {@code validate} value, marks it validated and active. Otherwise a 422
	 * whose {@code type} says what was wrong: {@code dns_no_record}, {@code dns_wrong_record},
	 * {@code dns_timeout} or {@code dns_error}. The domain is left as it was.
	 */
	Domain validate(InboxAccount owner, UUID id) {
		Domain domain = get(owner, id);
		DnsTxtLookup.Answer answer = dns.txt(domain.name());
		String expected = domain.validate();
		switch (answer.outcome()) {
			case FOUND -> {
				if (answer.values().stream().noneMatch(value -> value.strip().equals(expected))) {
					throw unvalidated("dns_wrong_record", "No TXT record at " + domain.name() + " is \"" + expected + "\"; found: "
							+ answer.values().stream().limit(5).map(v -> "\"" + abbreviate(v) + "\"").collect(Collectors.joining(", ")));
				}
			}
			case NO_SUCH_NAME, NO_RECORD -> throw unvalidated("dns_no_record", "No TXT record \"" + expected + "\" at "
					+ domain.name() + ": " + answer.detail() + ". Publish it, then validate again");
			case TIMED_OUT -> throw unvalidated("dns_timeout", "Could not check " + domain.name() + ": " + answer.detail()
					+ ". Try again");
			default -> throw unvalidated("dns_error", "Could not check " + domain.name() + ": " + answer.detail());
		}
		Domain validated = new Domain(domain.id(), domain.name(), expected, DomainStatus.VALIDATED, true, domain.createdAt(),
				InboxIds.now(), domain.ownerId());
		tx.executeWithoutResult(status -> {
			if (!save(owner, domain, validated)) {
				throw InboxErrors.conflict("Domain " + domain.name() + " changed during the check; read it and validate again");
			}
			audit.record(owner.tenant(), "DOMAIN_VALIDATED", ENTITY, domain.id(), domain, validated);
		});
		return validated;
	}

	private boolean save(InboxAccount owner, Domain before, Domain after) {
		try {
			return domains.update(owner, before, after);
		}
		catch (DuplicateKeyException ex) {
			throw taken(after.name());
		}
	}

	private void refuseTaken(InboxAccount owner, String name) {
		if (domains.findByName(owner.tenant(), name).isPresent()) {
			throw taken(name);
		}
	}

	private static RuntimeException taken(String name) {
		return InboxErrors.conflict("Domain " + name + " is already registered");
	}

	private static RuntimeException unvalidated(String type, String message) {
		return InboxErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, type, message);
	}

	private static String newTxtValue() {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		return TXT_PREFIX + HexFormat.of().formatHex(random);
	}

	private static String abbreviate(String value) {
		return value.length() > 100 ? value.substring(0, 100) + "..." : value;
	}

}
