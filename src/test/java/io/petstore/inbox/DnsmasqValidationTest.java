package io.petstore.inbox;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Validation against dnsmasq, an independent DNS server (Debian's {@code dnsmasq-base}, which
 * {@code .ci/run} installs), authoritative for {@code example.test} on a loopback port. Skipped on a
 * machine without dnsmasq; {@code TestDnsServer} covers the same cases everywhere.
 */
class DnsmasqValidationTest extends InboxTestSupport {

	private static final int PORT = freePort();

	private static String binary;

	private Process dnsmasq;

	@DynamicPropertySource
	static void resolver(DynamicPropertyRegistry registry) {
		registry.add("petstore.inbox.dns.resolver", () -> "127.0.0.1:" + PORT);
	}

	@BeforeAll
	static void findDnsmasq() {
		for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/sbin:/sbin").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, "dnsmasq"))) {
				binary = Path.of(dir, "dnsmasq").toString();
				break;
			}
		}
		assumeTrue(binary != null, "dnsmasq is not installed");
	}

	@AfterEach
	void stopDnsmasq() throws InterruptedException {
		if (dnsmasq != null) {
			dnsmasq.destroy();
			dnsmasq.waitFor(5, TimeUnit.SECONDS);
		}
	}

	/** Starts dnsmasq with these TXT records (name, then its strings) and waits until it answers. */
	private void startDnsmasq(List<List<String>> records) throws Exception {
		List<String> command = new ArrayList<>(List.of(binary, "--keep-in-foreground", "--port=" + PORT,
				"--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts", "--pid-file=",
				"--log-facility=-", "--local=/example.test/"));
		for (List<String> record : records) {
			command.add("--txt-record=" + String.join(",", record));
		}
		Path log = Files.createTempFile("dnsmasq", ".log");
		log.toFile().deleteOnExit();
		dnsmasq = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		for (int i = 0; i < 50; i++) {
			if (!dnsmasq.isAlive()) {
				throw new AssertionError("dnsmasq exited: " + command + "\n" + Files.readString(log));
			}
			if (answers()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("dnsmasq does not answer on port " + PORT);
	}

	private static boolean answers() throws IOException {
		var resolver = new org.xbill.DNS.SimpleResolver("127.0.0.1");
		resolver.setPort(PORT);
		resolver.setTimeout(java.time.Duration.ofMillis(200));
		try {
			resolver.send(org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
					org.xbill.DNS.Name.fromString("probe.example.test."), org.xbill.DNS.Type.TXT, org.xbill.DNS.DClass.IN)));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void validatesAgainstDnsmasq() throws Exception {
		ApiClient ann = newAccount("ann");
		String good = uniqueDomain();
		String split = uniqueDomain();
		String wrong = uniqueDomain();
		String missing = uniqueDomain();
		JsonNode goodDomain = addDomain(ann, good);
		JsonNode splitDomain = addDomain(ann, split);
		JsonNode wrongDomain = addDomain(ann, wrong);
		JsonNode missingDomain = addDomain(ann, missing);
		String splitValue = splitDomain.get("validate").asString();
		startDnsmasq(List.of(
				List.of(good, "v=spf1 -all"), List.of(good, goodDomain.get("validate").asString()),
				// one record of two strings, as long TXT values are published
				List.of(split, splitValue.substring(0, 20), splitValue.substring(20)),
				List.of(wrong, "inboxes-verification=ffffffffffffffffffffffffffffffff")));

		Reply validated = ann.postJson("/v2/domain/" + id(goodDomain) + "/validate", null);
		assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
		assertThat(validated.json().get("status").asString()).isEqualTo("validated");
		assertThat(ann.postJson("/v2/domain/" + id(splitDomain) + "/validate", null).status()).isEqualTo(200);

		Reply wrongReply = ann.postJson("/v2/domain/" + id(wrongDomain) + "/validate", null);
		assertThat(wrongReply.status()).isEqualTo(422);
		assertThat(wrongReply.json().get("type").asString()).isEqualTo("dns_wrong_record");
		Reply missingReply = ann.postJson("/v2/domain/" + id(missingDomain) + "/validate", null);
		assertThat(missingReply.status()).isEqualTo(422);
		assertThat(missingReply.json().get("type").asString()).isEqualTo("dns_no_record");

		dnsmasq.destroy();
		dnsmasq.waitFor(5, TimeUnit.SECONDS);
		Reply down = ann.postJson("/v2/domain/" + id(wrongDomain) + "/validate", null);
		assertThat(down.status()).as("no DNS server at all").isEqualTo(422);
		assertThat(down.json().get("type").asString()).isIn("dns_error", "dns_timeout");
	}

	/**
	 * A port free for both UDP and TCP (dnsmasq listens on both), taken below Linux's ephemeral range
	 * (32768 and up) so that no outgoing connection of this JVM (to PostgreSQL, say) can hold it by
	 * the time dnsmasq binds it.
	 */
	private static int freePort() {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = 20000 + random.nextInt(12000);
			try (DatagramSocket udp = new DatagramSocket(port, java.net.InetAddress.getLoopbackAddress());
					java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new IllegalStateException("no free port for dnsmasq");
	}

}
