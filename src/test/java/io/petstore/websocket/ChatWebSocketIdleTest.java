package io.petstore.websocket;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection without incoming frames for the idle timeout (1 s here) is closed; pings keep it open. */
@TestPropertySource(properties = "petstore.chat.idle-timeout=1s")
class ChatWebSocketIdleTest extends ChatTestSupport {

	@Test
	void anIdleConnectionIsClosedAndPingsKeepOneOpen() throws Exception {
		Account customer = register("idle");
		try (ChatClient quiet = connect(customer); ChatClient pinging = connect(customer)) {
			long opened = System.currentTimeMillis();
			long deadline = opened + 2_500;
			while (System.currentTimeMillis() < deadline) {
				pinging.ping().join();
				Thread.sleep(250);
			}
			int code = quiet.closeCode(5_000);
			assertThat(code).as("closed for idleness").isIn(1001, 1000, 1006, 1011);
			assertThat(pinging.isOpen()).as("a connection that pings is not idle").isTrue();
			pinging.send("{\"type\":\"nothing\"}");
			assertThat(pinging.next("error").get("code").asString()).isEqualTo("BAD_REQUEST");
		}
	}

}
