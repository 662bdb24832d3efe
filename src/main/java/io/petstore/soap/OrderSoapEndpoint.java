package io.petstore.soap;

import javax.xml.transform.Source;

import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;

import io.petstore.soap.xml.CancelOrderRequest;
import io.petstore.soap.xml.CancelOrderResponse;
import io.petstore.soap.xml.GetOrderRequest;
import io.petstore.soap.xml.GetOrderResponse;
import io.petstore.soap.xml.PlaceOrderRequest;
import io.petstore.soap.xml.PlaceOrderResponse;
import io.petstore.store.Orders;
import io.petstore.v1.Ids;

/**
 * Orders: PlaceOrder, GetOrder, CancelOrder, through {@link Orders} for the call's user
 * ({@code CallContext.user()}: a user's token of the call's tenant), which checks scopes and ownership.
 */
@Endpoint
class OrderSoapEndpoint {

	private final SoapCalls calls;

	private final Orders orders;

	OrderSoapEndpoint(SoapCalls calls, Orders orders) {
		this.calls = calls;
		this.orders = orders;
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "PlaceOrderRequest")
	@ResponsePayload
	PlaceOrderResponse placeOrder(@RequestPayload Source payload) {
		return calls.run("PlaceOrder", payload, PlaceOrderRequest.class, (call, request) -> {
			var caller = call.user();
			if (request.getPetId() == null) {
				throw io.petstore.v1.DomainException.invalid("petId", "must not be null", "required");
			}
			PlaceOrderResponse response = new PlaceOrderResponse();
			response.setOrder(SoapMapping.order(orders.place(caller, Ids.parse(request.getPetId(), "petId"),
					request.getUserId() == null ? null : Ids.parse(request.getUserId(), "userId"))));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "GetOrderRequest")
	@ResponsePayload
	GetOrderResponse getOrder(@RequestPayload Source payload) {
		return calls.run("GetOrder", payload, GetOrderRequest.class, (call, request) -> {
			var caller = call.user();
			GetOrderResponse response = new GetOrderResponse();
			response.setOrder(SoapMapping.order(orders.get(caller, Ids.parse(request.getId(), "id"))));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "CancelOrderRequest")
	@ResponsePayload
	CancelOrderResponse cancelOrder(@RequestPayload Source payload) {
		return calls.run("CancelOrder", payload, CancelOrderRequest.class, (call, request) -> {
			var caller = call.user();
			CancelOrderResponse response = new CancelOrderResponse();
			response.setOrder(SoapMapping.order(orders.cancel(caller, Ids.parse(request.getId(), "id"))));
			return response;
		});
	}

}
