package io.petstore.store;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.Caller;
import io.petstore.v1.Ids;
import io.petstore.v1.StrictJson;

/** {@code /v1/orders}: createOrder, getOrder, deleteOrder (cancel), callbackOrder. */
@RestController
@RequestMapping(path = "/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

	/**
	 * The body of createOrder: the pet, and optionally the user (it must be the caller). The
	 * read-only properties of an Order are accepted and ignored.
	 */
	@StrictJson
	record OrderInput(UUID id, @NotNull UUID petId, UUID userId, OrderStatus status, String totalAmount, String currency,
			UUID tenantId, java.time.Instant createdAt, java.time.Instant updatedAt) {
	}

	/** The body of callbackOrder: every property required, as the spec declares. */
	@StrictJson
	record CallbackInput(@NotNull String amount, @NotNull String currency, @NotNull String timestamp, @NotNull String callbackUrl) {
	}

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Order> createOrder(Caller caller, @Valid @RequestBody OrderInput input) {
		Order order = orders.place(caller, input.petId(), input.userId());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(order.id()).toUri();
		return ResponseEntity.created(location).body(order);
	}

	@GetMapping("/{id}")
	Order getOrder(Caller caller, @PathVariable String id) {
		return orders.get(caller, Ids.parse(id, "id"));
	}

	/** callbackOrder: 201 {@code {}}; the {@code orderProcessed} callback follows (webhook module). */
	@PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	java.util.Map<String, Object> callbackOrder(io.petstore.tenancy.Tenant tenant, @PathVariable String id,
			@Valid @RequestBody CallbackInput input) {
		java.util.Optional<Caller> caller = Caller.current();
		java.math.BigDecimal amount = io.petstore.v1.Money.parse("amount", input.amount());
		if (!input.currency().matches("[A-Z]{3}")) {
			throw io.petstore.v1.DomainException.invalid("currency", "must be an ISO 4217 code such as USD", "invalid_format");
		}
		if (input.timestamp().isBlank() || input.timestamp().length() > 64) {
			throw io.petstore.v1.DomainException.invalid("timestamp", "must be 1 to 64 characters", "invalid_format");
		}
		orders.requestCallback(caller.map(Caller::tenant).orElse(tenant), caller, Ids.parse(id, "id"),
				amount, input.currency(),
				input.timestamp(), input.callbackUrl());
		return java.util.Map.of();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteOrder(Caller caller, @PathVariable String id) {
		orders.cancel(caller, Ids.parse(id, "id"));
	}

}
