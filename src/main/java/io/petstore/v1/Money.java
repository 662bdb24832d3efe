package io.petstore.v1;

import java.math.BigDecimal;

/**
 * Amounts as every /v1 protocol writes them: a decimal string of up to 10 digits and up to 2
 * decimals ({@code "250.00"}, the document's {@code Money} schema), read once into a
 * {@link BigDecimal} of scale 2.
 */
public final class Money {

	/** The document's pattern, for {@code @Pattern} on input records. */
	public static final String PATTERN = "^[0-9]{1,10}(\\.[0-9]{1,2})?$";

	private Money() {
	}

	/** The amount, or a 422 naming the field if the text is not one. */
	public static BigDecimal parse(String field, String text) {
		if (text == null || !text.matches(PATTERN)) {
			throw DomainException.invalid(field, "must be a decimal amount such as \"250.00\"", "invalid_format");
		}
		return new BigDecimal(text).setScale(2);
	}

	/** The amount as the API writes it: two decimals, no exponent. */
	public static String format(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

}
