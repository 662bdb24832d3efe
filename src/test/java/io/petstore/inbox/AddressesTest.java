package io.petstore.inbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.petstore.classic.ClassicApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Domain names and mail addresses as stored: IDNA to ASCII, lower case, refusals with reasons. */
class AddressesTest {

	@ParameterizedTest
	@CsvSource({ "Example.COM,example.com", "mail.example.com.,mail.example.com", "bücher.example,xn--bcher-kva.example",
			"  spaced.example  ,spaced.example", "a-b.c-d.example,a-b.c-d.example" })
	void storesDomainsInLowerCaseAscii(String input, String stored) {
		assertThat(Addresses.domain(input)).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "-lead.example", "trail-.example", "under_score.example", "two..dots.example",
			"203.0.113.7", "exa mple.com", "" })
	void refusesWhatIsNoDomainName(String input) {
		ClassicApiException refused = catchThrowableOfType(ClassicApiException.class, () -> Addresses.domain(input));
		assertThat(refused).as("'%s' refused", input).isNotNull();
		assertThat(refused.getMessage()).as(input).isNotBlank();
	}

	@ParameterizedTest
	@CsvSource({ "Ann@Example.com,ann@example.com", "first.last+tag@bücher.example,first.last+tag@xn--bcher-kva.example",
			"o'brien@example.com,o'brien@example.com" })
	void storesAddressesLowerCasedWithAnAsciiDomain(String input, String stored) {
		assertThat(Addresses.address(input)).isEqualTo(stored);
		assertThat(Addresses.domainOf(stored)).isEqualTo(stored.substring(stored.indexOf('@') + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "no-at-sign.example.com", "@example.com", "ann@", ".ann@example.com", "a..b@example.com",
			"ann smith@example.com", "ann@localhost" })
	void refusesMalformedAddresses(String input) {
		assertThat(catchThrowableOfType(ClassicApiException.class, () -> Addresses.address(input))).as(input).isNotNull();
	}

	@org.junit.jupiter.api.Test
	void refusesALocalPartLongerThan64() {
		String local = "a".repeat(Addresses.MAX_LOCAL_PART + 1);
		assertThat(catchThrowableOfType(ClassicApiException.class, () -> Addresses.address(local + "@example.com")).getMessage())
			.contains("more than 64");
		assertThat(Addresses.address("a".repeat(64) + "@example.com")).startsWith("a".repeat(64));
	}

}
