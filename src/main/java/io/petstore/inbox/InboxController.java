package io.petstore.inbox;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/inbox}: the caller's inboxes and the mail they received. */
@RestController
@RequestMapping(path = "/v2/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
class InboxController {

	static final int MAX_LIMIT = 500;

	private final Inboxes inboxes;

	private final Mailbox mailbox;

	InboxController(Inboxes inboxes, Mailbox mailbox) {
		this.inboxes = inboxes;
		this.mailbox = mailbox;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Inbox> createInbox(InboxAccount account, @RequestBody InboxInput input) {
		Inbox inbox = inboxes.create(account, input.name());
		return ResponseEntity.created(URI.create("/v2/inbox/" + inbox.id())).body(inbox);
	}

	@GetMapping
	List<Inbox> listInboxes(InboxAccount account, @RequestParam(required = false) String domainId) {
		return inboxes.list(account, domainId == null ? null : InboxErrors.id(domainId, "domainId"));
	}

	@GetMapping("/{inboxId}")
	Inbox getInbox(InboxAccount account, @PathVariable String inboxId) {
		return inboxes.get(account, InboxErrors.id(inboxId, "inbox id"));
	}

	@DeleteMapping("/{inboxId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteInbox(InboxAccount account, @PathVariable String inboxId) {
		inboxes.delete(account, InboxErrors.id(inboxId, "inbox id"));
	}

	/** Newest first; {@code X-Total-Count} has the inbox's message count. */
	@GetMapping("/{inboxId}/message")
	ResponseEntity<List<MessageSummary>> listMessages(InboxAccount account, @PathVariable String inboxId,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InboxErrors.badRequest("Invalid limit " + limit + ": use 1 to " + MAX_LIMIT);
		}
		if (offset < 0) {
			throw InboxErrors.badRequest("Invalid offset " + offset + ": must not be negative");
		}
		var id = InboxErrors.id(inboxId, "inbox id");
		List<MessageSummary> page = mailbox.list(account, id, limit, offset);
		return ResponseEntity.ok().header("X-Total-Count", String.valueOf(mailbox.count(account, id))).body(page);
	}

	@DeleteMapping("/{inboxId}/message")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMessages(InboxAccount account, @PathVariable String inboxId) {
		mailbox.deleteAll(account, InboxErrors.id(inboxId, "inbox id"));
	}

	@GetMapping("/{inboxId}/message/{messageId}")
	MessageDetail getMessage(InboxAccount account, @PathVariable String inboxId, @PathVariable String messageId) {
		return mailbox.get(account, InboxErrors.id(inboxId, "inbox id"), InboxErrors.id(messageId, "message id"));
	}

	/** The message exactly as received (with the Received header the listener added). */
	@GetMapping(path = "/{inboxId}/message/{messageId}/raw", produces = "message/rfc822")
	byte[] getRawMessage(InboxAccount account, @PathVariable String inboxId, @PathVariable String messageId) {
		return mailbox.raw(account, InboxErrors.id(inboxId, "inbox id"), InboxErrors.id(messageId, "message id"));
	}

	@DeleteMapping("/{inboxId}/message/{messageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMessage(InboxAccount account, @PathVariable String inboxId, @PathVariable String messageId) {
		mailbox.delete(account, InboxErrors.id(inboxId, "inbox id"), InboxErrors.id(messageId, "message id"));
	}

}
