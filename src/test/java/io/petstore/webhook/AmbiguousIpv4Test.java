package io.petstore.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hosts {@link TargetGuard} takes for IPv4 addresses in an ambiguous spelling. */
class AmbiguousIpv4Test {

	@Test
	void everySpellingButFourDecimalNumbersIsAmbiguous() {
		List<String> ambiguous = List.of("0177.0.0.1", "127.0.0.01", "00.0.0.0", "0x7f.0.0.1", "0X7F.0.0.1", "0x.0.0.1", "127.0.0.0x1",
				"2130706433", "017700000001", "0x7f000001", "0", "127.1", "127.0.1", "127.0.0.1.", "0177.0.0.1.", "2130706433.",
				"08.0.0.1", "256.0.0.1", "1.2.3.4.5", "example.123", "example.0x1", "%30177.0.0.1", "\uff10\uff11\uff17\uff17.0.0.1",
				"127\u30020\u30020\u30021", "%31%32%37.0.0.1");
		for (String host : ambiguous) {
			assertThat(TargetGuard.ambiguousIpv4(host)).as(host).isTrue();
		}
		List<String> clear = List.of("127.0.0.1", "203.0.113.7", "0.0.0.0", "255.255.255.255", "10.0.0.10", "example.com",
				"example.com.", "1example.com", "0x7f.example.com", "123.example", "::1", "::ffff:127.0.0.1", "localhost", "",
				".", "host-0x1");
		for (String host : clear) {
			assertThat(TargetGuard.ambiguousIpv4(host)).as(host).isFalse();
		}
	}

}
