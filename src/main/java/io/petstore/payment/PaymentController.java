package io.petstore.payment;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.auth.Caller;
import io.petstore.v1.Ids;
import io.petstore.v1.DomainException;

/** createOrderPayment: {@code POST /v1/orders/{id}/payment}, with an optional {@code Idempotency-Key}. */
@RestController
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping(path = "/v1/orders/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Payment> createOrderPayment(Caller caller, @PathVariable String id, @Valid @RequestBody PaymentInput input,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
			throw DomainException.badRequest("Invalid Idempotency-Key: 1 to 255 characters.");
		}
		Payments.Outcome outcome = payments.pay(caller, Ids.parse(id, "id"), input, idempotencyKey);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
		if (outcome.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(outcome.payment());
	}

}
