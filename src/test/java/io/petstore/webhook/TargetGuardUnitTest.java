package io.petstore.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.petstore.v1.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SSRF guard's address rules alone (literal addresses only, so no DNS is asked). */
class TargetGuardUnitTest {

	private static TargetGuard guard(String... allowed) {
		return new TargetGuard(new WebhookProperties(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(5), List.of(allowed), false, Duration.ofSeconds(1), 1, Duration.ofSeconds(30), 3, 10));
	}

	private static InetAddress ip(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "fe80::1",
			"0.0.0.0", "::", "100.64.0.1", "198.18.0.1", "240.0.0.1", "255.255.255.255", "fc00::1", "fd12:3456::1",
			"224.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "192.0.0.8" })
	void refusesInternalAddresses(String literal) throws UnknownHostException {
		assertThat(guard().refusal(ip(literal))).as(literal).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.7", "8.8.8.8", "2001:4860:4860::8888", "1.1.1.1" })
	void letsPublicAddressesThrough(String literal) throws UnknownHostException {
		assertThat(guard().refusal(ip(literal))).as(literal).isNull();
	}

	@Test
	void anAllowedNetworkOpensItsRangeOnly() throws UnknownHostException {
		TargetGuard guard = guard("127.0.0.0/8", "10.9.0.5");
		assertThat(guard.refusal(ip("127.0.0.1"))).isNull();
		assertThat(guard.refusal(ip("10.9.0.5"))).isNull();
		assertThat(guard.refusal(ip("10.9.0.6"))).isEqualTo("a private address");
		assertThat(guard.refusal(ip("169.254.169.254"))).contains("link-local");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0177.0.0.1", "127.0.0.01", "0x7f.0.0.1", "2130706433", "127.1", "127.0.0.1.", "example.123",
			"１２７.0.0.1", "127%2E0.0.1" })
	void ambiguousIpv4Spellings(String host) {
		assertThat(TargetGuard.ambiguousIpv4(host)).as(host).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "203.0.113.7", "example.com", "hooks.example.com.", "api-1.example", "::1",
			"0x.example.com" })
	void unambiguousHosts(String host) {
		assertThat(TargetGuard.ambiguousIpv4(host)).as(host).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://203.0.113.7/", "/relative", "http://user:pw@203.0.113.7/", "http://203.0.113.7/#frag",
			"http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://0177.0.0.1/", "not a url" })
	void checkRefusesBadTargetsWithA422(String url) {
		DomainException refused = catchThrowableOfType(DomainException.class, () -> guard().check("url", url));
		assertThat(refused).as(url).isNotNull();
		assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
		assertThat(refused.errors().get(0).field()).isEqualTo("url");
	}

	@Test
	void checkKeepsAGoodUrl() {
		assertThat(guard().check("url", "https://203.0.113.7:8443/hooks?a=1")).isEqualTo("https://203.0.113.7:8443/hooks?a=1");
	}

	@Test
	void tooLongUrlsAreRefused() {
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> guard().check("url", "https://203.0.113.7/" + "a".repeat(2100)));
		assertThat(refused.errors().get(0).code()).isEqualTo("too_long");
	}

}
