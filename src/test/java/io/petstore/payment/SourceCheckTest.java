package io.petstore.payment;

import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import io.petstore.v1.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The payment source checks alone (no server): check digits, brands, expiry, CVC, masking. */
class SourceCheckTest {

	private static final int NEXT_YEAR = YearMonth.now(ZoneOffset.UTC).getYear() + 1;

	private static SourceInput.Card card(String number, String cvc) {
		return new SourceInput.Card("Ann Lee", number, 12, NEXT_YEAR, cvc, null);
	}

	private static String refusalCode(SourceInput source) {
		DomainException refused = catchThrowableOfType(DomainException.class, () -> SourceCheck.checkAndMask(source));
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
		return refused.errors().get(0).code();
	}

	@ParameterizedTest
	@CsvSource({ "4242424242424242,VISA", "5555555555554444,MASTERCARD", "2223003122003222,MASTERCARD",
			"378282246310005,AMEX", "6011111111111117,DISCOVER", "3566002020360505,JCB", "36227206271667,DINERS",
			"6200000000000005,UNIONPAY" })
	void knowsTheBrandsOfTheProcessorsTestCards(String number, String brand) {
		assertThat(SourceCheck.brand(number)).isEqualTo(brand);
	}

	@Test
	void masksTheCardNumberAndKeepsOnlyTheLastFour() {
		ObjectNode masked = SourceCheck.checkAndMask(card("4242424242424242", "123"));
		assertThat(masked.get("number").asString()).isEqualTo("************4242");
		assertThat(masked.get("last4").asString()).isEqualTo("4242");
		assertThat(masked.get("brand").asString()).isEqualTo("VISA");
		assertThat(masked.toString()).doesNotContain("4242424242424242").doesNotContain("123");
	}

	@Test
	void refusesAWrongCheckDigitAnUnknownBrandAndAnExpiredCard() {
		assertThat(refusalCode(card("4242424242424241", "123"))).isEqualTo("invalid_card_number");
		// Luhn-valid, but 9... is no accepted brand
		assertThat(refusalCode(card("9000000000000001", "123"))).isEqualTo("unsupported_card_brand");
		YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
		assertThat(refusalCode(new SourceInput.Card("Ann Lee", "4242424242424242", lastMonth.getMonthValue(),
				lastMonth.getYear(), "123", null))).isEqualTo("card_expired");
	}

	@Test
	void acceptsACardThatExpiresThisMonth() {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		assertThat(SourceCheck.checkAndMask(new SourceInput.Card("Ann Lee", "4242424242424242", now.getMonthValue(),
				now.getYear(), "123", null)).get("last4").asString()).isEqualTo("4242");
	}

	@Test
	void wantsFourCvcDigitsForAmexAndThreeForOthers() {
		assertThat(refusalCode(card("378282246310005", "123"))).isEqualTo("invalid_cvc");
		assertThat(SourceCheck.checkAndMask(card("378282246310005", "1234")).get("brand").asString()).isEqualTo("AMEX");
		assertThat(refusalCode(card("4242424242424242", "1234"))).isEqualTo("invalid_cvc");
	}

	@Test
	void checksIbanDigitsAndMasksTheIban() {
		ObjectNode masked = SourceCheck.checkAndMask(new SourceInput.BankAccount("Ann Lee", null, null,
				"DE89370400440532013000", SourceInput.AccountType.CHECKING));
		assertThat(masked.get("iban").asString()).isEqualTo("DE****************3000");
		assertThat(masked.get("last4").asString()).isEqualTo("3000");
		assertThat(refusalCode(new SourceInput.BankAccount("Ann Lee", null, null, "DE89370400440532013001",
				SourceInput.AccountType.CHECKING))).isEqualTo("invalid_iban");
		assertThat(refusalCode(new SourceInput.BankAccount("Ann Lee", "000123456789", "110000000",
				"DE89370400440532013000", SourceInput.AccountType.CHECKING))).isEqualTo("conflicting_fields");
	}

	@Test
	void checksAbaRoutingNumbersAndNeedsBothUsFields() {
		ObjectNode masked = SourceCheck.checkAndMask(new SourceInput.BankAccount("Ann Lee", "000123456789", "110000000",
				null, SourceInput.AccountType.SAVINGS));
		assertThat(masked.get("accountNumber").asString()).isEqualTo("********6789");
		assertThat(masked.get("routingNumber").asString()).isEqualTo("110000000");
		assertThat(refusalCode(new SourceInput.BankAccount("Ann Lee", "000123456789", "110000001", null,
				SourceInput.AccountType.SAVINGS))).isEqualTo("invalid_routing_number");
		assertThat(refusalCode(new SourceInput.BankAccount("Ann Lee", null, "110000000", null,
				SourceInput.AccountType.SAVINGS))).isEqualTo("required");
		assertThat(refusalCode(new SourceInput.BankAccount("Ann Lee", "000123456789", null, null,
				SourceInput.AccountType.SAVINGS))).isEqualTo("required");
	}

}
