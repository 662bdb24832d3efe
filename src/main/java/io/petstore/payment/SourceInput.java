package io.petstore.payment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.petstore.v1.StrictJson;

/** The {@code source} of a payment, told apart by its {@code object} property. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "object")
@JsonSubTypes({ @JsonSubTypes.Type(value = SourceInput.Card.class, name = "card"),
		@JsonSubTypes.Type(value = SourceInput.BankAccount.class, names = { "bank_account", "bankAccount" }) })
public sealed interface SourceInput {

	@StrictJson
	record Card(@NotBlank @Size(max = 100) String name,
			@NotNull @Pattern(regexp = "^[0-9]{13,19}$", message = "must be 13 to 19 digits") String number,
			@NotNull @Min(1) @Max(12) Integer expMonth,
			@NotNull @Min(2024) @Max(2100) Integer expYear,
			@Pattern(regexp = "^[0-9]{3,4}$", message = "must be 3 or 4 digits") String cvc,
			@Valid BillingAddress billingAddress) implements SourceInput {
	}

	@StrictJson
	record BillingAddress(@Size(max = 200) String line1, @Size(max = 200) String line2, @Size(max = 100) String city,
			@Size(max = 100) String state, @Size(max = 20) String postalCode,
			@Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {
	}

	enum AccountType {
		CHECKING, SAVINGS
	}

	@StrictJson
	record BankAccount(@NotBlank @Size(max = 100) String accountHolderName,
			@Pattern(regexp = "^[0-9]{4,17}$", message = "must be 4 to 17 digits") String accountNumber,
			@Pattern(regexp = "^[0-9]{9}$", message = "must be 9 digits") String routingNumber,
			@Pattern(regexp = "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", message = "must be an IBAN without spaces") String iban,
			@NotNull AccountType accountType) implements SourceInput {
	}

}
