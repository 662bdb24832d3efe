package io.petstore.payment;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.petstore.v1.DomainException;

/**
 * Checks a payment source beyond its schema (Luhn, brand, expiry, CVC length, routing number and
 * IBAN check digits; Apache Commons Validator) and makes the masked form that is stored and shown.
 */
final class SourceCheck {

	/** Test card numbers that are declined, as payment processors' sandboxes do. */
	static final Map<String, String> DECLINED = Map.of("4000000000000002", "card_declined", "4000000000009995",
			"insufficient_funds", "4000000000000069", "expired_card");

	private SourceCheck() {
	}

	static ObjectNode checkAndMask(SourceInput source) {
		if (source instanceof SourceInput.Card card) {
			return card(card);
		}
		return bank((SourceInput.BankAccount) source);
	}

	private static ObjectNode card(SourceInput.Card card) {
		if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(card.number())) {
			throw DomainException.invalid("source.number", "is not a valid card number (check digit)", "invalid_card_number");
		}
		String brand = brand(card.number());
		if (brand == null) {
			throw DomainException.invalid("source.number", "card brand is not accepted: use Visa, Mastercard, American "
					+ "Express, Discover, Diners Club, JCB or UnionPay", "unsupported_card_brand");
		}
		if (YearMonth.of(card.expYear(), card.expMonth()).isBefore(YearMonth.now(ZoneOffset.UTC))) {
			throw DomainException.invalid("source.expYear", "the card expired at the end of " + card.expMonth() + "/"
					+ card.expYear(), "card_expired");
		}
		if (card.cvc() != null && card.cvc().length() != (brand.equals("AMEX") ? 4 : 3)) {
			throw DomainException.invalid("source.cvc", brand.equals("AMEX") ? "must be 4 digits for American Express"
					: "must be 3 digits", "invalid_cvc");
		}
		String last4 = card.number().substring(card.number().length() - 4);
		ObjectNode masked = JsonNodeFactory.instance.objectNode();
		masked.put("object", "card");
		masked.put("name", card.name());
		masked.put("number", "*".repeat(card.number().length() - 4) + last4);
		masked.put("expMonth", card.expMonth());
		masked.put("expYear", card.expYear());
		masked.put("brand", brand);
		masked.put("last4", last4);
		if (card.billingAddress() != null) {
			SourceInput.BillingAddress a = card.billingAddress();
			ObjectNode address = masked.putObject("billingAddress");
			putIfSet(address, "city", a.city());
			putIfSet(address, "state", a.state());
			putIfSet(address, "postalCode", a.postalCode());
			putIfSet(address, "country", a.country());
		}
		return masked;
	}

	private static ObjectNode bank(SourceInput.BankAccount bank) {
		String last4;
		ObjectNode masked = JsonNodeFactory.instance.objectNode();
		masked.put("object", "bank_account");
		masked.put("accountHolderName", bank.accountHolderName());
		if (bank.iban() != null) {
			if (bank.accountNumber() != null || bank.routingNumber() != null) {
				throw DomainException.invalid("source.iban", "send either an IBAN or an account and routing number, not both",
						"conflicting_fields");
			}
			if (!IBANValidator.getInstance().isValid(bank.iban())) {
				throw DomainException.invalid("source.iban", "is not a valid IBAN (format or check digits)", "invalid_iban");
			}
			last4 = bank.iban().substring(bank.iban().length() - 4);
			masked.put("iban", bank.iban().substring(0, 2) + "*".repeat(bank.iban().length() - 6) + last4);
		}
		else {
			if (bank.accountNumber() == null) {
				throw DomainException.invalid("source.accountNumber", "is required (or send an iban)", "required");
			}
			if (bank.routingNumber() == null) {
				throw DomainException.invalid("source.routingNumber", "is required (or send an iban)", "required");
			}
			if (!ABANumberCheckDigit.ABAN_CHECK_DIGIT.isValid(bank.routingNumber())) {
				throw DomainException.invalid("source.routingNumber", "is not a valid ABA routing number (check digit)",
						"invalid_routing_number");
			}
			last4 = bank.accountNumber().substring(bank.accountNumber().length() - 4);
			masked.put("accountNumber", "*".repeat(bank.accountNumber().length() - 4) + last4);
			masked.put("routingNumber", bank.routingNumber());
		}
		masked.put("accountType", bank.accountType().name());
		masked.put("last4", last4);
		return masked;
	}

	/** The card brand by its issuer identification number, or null if not one we accept. */
	static String brand(String number) {
		int two = Integer.parseInt(number.substring(0, 2));
		int three = Integer.parseInt(number.substring(0, 3));
		int four = Integer.parseInt(number.substring(0, 4));
		int six = Integer.parseInt(number.substring(0, 6));
		if (number.startsWith("4")) {
			return "VISA";
		}
		if ((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099)) {
			return "MASTERCARD";
		}
		if (two == 34 || two == 37) {
			return "AMEX";
		}
		if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
			return "DISCOVER";
		}
		if (four >= 3528 && four <= 3589) {
			return "JCB";
		}
		if (two == 36 || two == 38 || (three >= 300 && three <= 305)) {
			return "DINERS";
		}
		if (two == 62) {
			return "UNIONPAY";
		}
		return null;
	}

	private static void putIfSet(ObjectNode node, String name, String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

}
