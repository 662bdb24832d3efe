package io.petstore.webhook;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.Caller;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/**
 * {@code /v1/webhooks}: createWebhook, listWebhooks, getWebhook, updateWebhook, deleteWebhook,
 * testWebhook.
 */
@RestController
@RequestMapping(path = "/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

	private final Subscriptions webhooks;

	WebhookController(Subscriptions webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Webhook> createWebhook(Caller caller, @RequestBody WebhookInput input) {
		Webhook webhook = webhooks.create(caller, input);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(webhook.id()).toUri();
		return ResponseEntity.created(location).body(webhook);
	}

	@GetMapping
	PageResult<Webhook> listWebhooks(Caller caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		return webhooks.list(caller, PageRequest.of(page, limit));
	}

	@GetMapping("/{id}")
	Webhook getWebhook(Caller caller, @PathVariable String id) {
		return webhooks.get(caller, Ids.parse(id, "id"));
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Webhook updateWebhook(Caller caller, @PathVariable String id, @RequestBody WebhookInput input) {
		return webhooks.update(caller, Ids.parse(id, "id"), input);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteWebhook(Caller caller, @PathVariable String id) {
		webhooks.delete(caller, Ids.parse(id, "id"));
	}

	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Delivery testWebhook(Caller caller, @PathVariable String id) {
		return webhooks.test(caller, Ids.parse(id, "id"));
	}

}
