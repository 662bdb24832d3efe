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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v2/domain}: the caller's domains and their DNS ownership check. */
@RestController
@RequestMapping(path = "/v2/domain", produces = MediaType.APPLICATION_JSON_VALUE)
class DomainController {

	private final Domains domains;

	DomainController(Domains domains) {
		this.domains = domains;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Domain> addDomain(InboxAccount account, @RequestBody DomainInput input) {
		Domain domain = domains.add(account, input.name());
		return ResponseEntity.created(URI.create("/v2/domain/" + domain.id())).body(domain);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Domain updateDomain(InboxAccount account, @RequestBody DomainUpdate changes) {
		return domains.update(account, changes);
	}

	@GetMapping
	List<Domain> listDomains(InboxAccount account) {
		return domains.list(account);
	}

	@GetMapping("/{domainId}")
	Domain getDomain(InboxAccount account, @PathVariable String domainId) {
		return domains.get(account, InboxErrors.id(domainId, "domain id"));
	}

	@DeleteMapping("/{domainId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteDomain(InboxAccount account, @PathVariable String domainId) {
		domains.delete(account, InboxErrors.id(domainId, "domain id"));
	}

	@PostMapping("/{domainId}/validate")
	Domain validateDomain(InboxAccount account, @PathVariable String domainId) {
		return domains.validate(account, InboxErrors.id(domainId, "domain id"));
	}

}
