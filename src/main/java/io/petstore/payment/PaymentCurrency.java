package io.petstore.payment;

public enum PaymentCurrency {
	USD, EUR, GBP, CAD, AUD
}
