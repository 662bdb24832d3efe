package io.petstore.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.auth.Caller;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.QueryParams;

/**
 * {@code /v1/webhook-deliveries}: listWebhookDeliveries, getWebhookDelivery,
 * redeliverWebhookDelivery. The caller's deliveries: their webhooks' and their orders' callbacks.
 */
@RestController
@RequestMapping(path = "/v1/webhook-deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	PageResult<Delivery> listWebhookDeliveries(Caller caller, @RequestParam(required = false) String webhookId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String eventType,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
		DeliveryFilter filter = new DeliveryFilter(QueryParams.uuid("webhookId", webhookId),
				QueryParams.enumValue("status", status, Delivery.Status.class),
				eventType == null || eventType.isBlank() ? null : eventType.strip());
		return deliveries.list(caller, filter, PageRequest.of(page, limit));
	}

	@GetMapping("/{id}")
	Delivery getWebhookDelivery(Caller caller, @PathVariable String id) {
		return deliveries.get(caller, Ids.parse(id, "id"));
	}

	@PostMapping("/{id}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Delivery redeliverWebhookDelivery(Caller caller, @PathVariable String id) {
		return deliveries.redeliver(caller, Ids.parse(id, "id"));
	}

}
