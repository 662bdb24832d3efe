package io.petstore.classic.store;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.classic.ApiKeyRequired;
import io.petstore.classic.ApiResponse;
import io.petstore.classic.ClassicApiException;
import io.petstore.classic.ClassicMode;
import io.petstore.classic.JsonAnswers;
import io.petstore.tenancy.Tenant;

/** {@code /v2/store}: inventory and the three order operations of the classic API. */
@RestController
@RequestMapping(path = "/v2/store", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
class StoreController {

	private final OrderService orders;

	private final ClassicMode mode;

	private final JsonAnswers answers;

	StoreController(OrderService orders, ClassicMode mode, JsonAnswers answers) {
		this.orders = orders;
		this.mode = mode;
		this.answers = answers;
	}

	/** getInventory: status to number of pets; JSON only, as documented. */
	@ApiKeyRequired
	@GetMapping(path = "/inventory", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> getInventory(Tenant tenant, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		return answers.of(tenant, accept, "inventory", () -> orders.inventory(tenant));
	}

	/**
	 * placeOrder: an upsert by id; petId is not checked, and, as in the reference, any status and
	 * quantity are stored. Strict mode refuses a status outside the enum and a negative quantity
	 * (400 "Invalid Order", as documented).
	 */
	@PostMapping(path = "/order", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	Order placeOrder(Tenant tenant, @RequestBody Order order) {
		if (mode.strict() && order.quantity() < 0) {
			throw ClassicApiException.badRequest("Invalid Order: quantity must not be negative");
		}
		if (mode.strict() && order.status() != null && OrderStatus.fromWire(order.status()).isEmpty()) {
			throw ClassicApiException.badRequest("Invalid Order: status '" + order.status()
					+ "' is not one of placed, approved, delivered");
		}
		return orders.save(tenant, order);
	}

	/** getOrderById: any id is looked up (the documented 1..10 range was never enforced). */
	@GetMapping("/order/{orderId}")
	Order getOrderById(Tenant tenant, @PathVariable long orderId) {
		return orders.find(tenant, orderId).orElseThrow(() -> ClassicApiException.notFound("Order"));
	}

	@DeleteMapping("/order/{orderId}")
	ApiResponse deleteOrder(Tenant tenant, @PathVariable long orderId) {
		if (!orders.delete(tenant, orderId)) {
			// the reference: {"code":404,"type":"unknown","message":"Order Not Found"}
			throw mode.strict() ? ClassicApiException.notFound("Order")
					: new ClassicApiException(HttpStatus.NOT_FOUND, ApiResponse.of(404, "Order not found"));
		}
		return ApiResponse.of(200, String.valueOf(orderId));
	}

}
