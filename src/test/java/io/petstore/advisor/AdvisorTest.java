package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.advisor.PetAdvisor.Role;
import io.petstore.advisor.PetAdvisor.Turn;
import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;
import io.petstore.v1.DomainException;

/**
 * The advisor as the other modules use it ({@link PetAdvisor}, the support chat): answers from
 * the tenant's catalog and the knowledge base, the disclaimer, maxTokens, chat:write.
 */
class AdvisorTest extends IntegrationTest {

	private static final String PASSWORD = "Advisor-Pass-123!";

	@Autowired
	PetAdvisor advisor;

	@Autowired
	CallContexts contexts;

	@Test
	void namesTheCatalogPetsThatMatchAndOnlyThose() {
		String token = register();
		ApiClient keeper = as(token);
		String match = createPet(keeper, "Adv-Pumpkin", "CAT", "75.50", true, "AVAILABLE");
		String tooDear = createPet(keeper, "Adv-Duchess", "CAT", "180.00", true, "AVAILABLE");
		String notForKids = createPet(keeper, "Adv-Grumpy", "CAT", "40.00", false, "AVAILABLE");
		String pending = createPet(keeper, "Adv-Taken", "CAT", "50.00", true, "PENDING");
		String dog = createPet(keeper, "Adv-Rex", "DOG", "60.00", true, "AVAILABLE");

		PetAdvisor.Reply reply = advisor.reply(call(token),
				List.of(new Turn(Role.USER, "Which available cats are good with kids under 100 USD?")), 1024);

		assertThat(reply.truncated()).isFalse();
		assertThat(reply.content()).contains("Adv-Pumpkin", match, "75.50 USD");
		assertThat(reply.content()).doesNotContain("Adv-Duchess", tooDear, "Adv-Grumpy", notForKids, "Adv-Taken", pending,
				"Adv-Rex", dog);
		// the seeded Luna (a cat good with kids) costs 120.00: above the bound
		assertThat(reply.content()).doesNotContain("Luna");
		assertThat(reply.content()).endsWith(Answer.DISCLAIMER);
		assertThat(reply.content().lines().filter(line -> line.contains("veterinary advice")).count()).isEqualTo(1);
	}

	@Test
	void answersCareQuestionsFromTheKnowledgeBaseTheSameWayEachTime() {
		String token = register();
		List<Turn> conversation = List.of(new Turn(Role.SYSTEM, "Be brief."),
				new Turn(Role.USER, "When should my puppy get its vaccinations?"));
		PetAdvisor.Reply first = advisor.reply(call(token), conversation, 1024);
		PetAdvisor.Reply second = advisor.reply(call(token), conversation, 1024);
		assertThat(first).isEqualTo(second);
		assertThat(first.content()).contains("parvovirus", "sixteen weeks").doesNotContain("kitten");
		assertThat(first.content()).endsWith(Answer.DISCLAIMER);

		// a follow-up without a species keeps the conversation's species
		PetAdvisor.Reply followUp = advisor.reply(call(token), List.of(new Turn(Role.USER, "I just got a rabbit."),
				new Turn(Role.ASSISTANT, "Congratulations!"), new Turn(Role.USER, "What should I feed it?")), 1024);
		assertThat(followUp.content()).contains("hay").doesNotContain("obligate carnivores");
	}

	@Test
	void maxTokensCutsTheAnswer() {
		String token = register();
		List<Turn> conversation = List.of(new Turn(Role.USER, "How do I groom a long-haired cat?"));
		PetAdvisor.Reply full = advisor.reply(call(token), conversation, 4096);
		PetAdvisor.Reply cut = advisor.reply(call(token), conversation, 30);
		assertThat(full.truncated()).isFalse();
		assertThat(cut.truncated()).isTrue();
		assertThat(Tokens.count(cut.content())).isEqualTo(30);
		assertThat(cut.content()).endsWith(Answer.DISCLAIMER);
		String body = cut.content().substring(0, cut.content().length() - Answer.DISCLAIMER.length()).strip();
		assertThat(full.content()).startsWith(body);
	}

	@Test
	void needsChatWrite() {
		String token = register();
		Reply narrow = api.postJson("/v1/auth/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"scopes\":[\"read:pets\"]}");
		assertThat(narrow.status()).as(narrow.toString()).isEqualTo(200);
		List<Turn> hello = List.of(new Turn(Role.USER, "hello"));
		assertThatThrownBy(() -> advisor.reply(call(narrow.json().get("token").asString()), hello, 100))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
		assertThatThrownBy(() -> advisor.reply(call(null), hello, 100))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.UNAUTHORIZED));
		assertThat(advisor.reply(call(token), hello, 100).content()).contains("feeding").endsWith(Answer.DISCLAIMER);
	}

	private String username;

	private CallContext call(String token) {
		return contexts.openWithoutCounting(new Credentials(token, tenant.toString(), new Origin("TEST", "127.0.0.1", "junit", "reply")));
	}

	private String register() {
		username = "adv" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Ada\",\"lastName\":\"Visor\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private ApiClient as(String token) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
	}

	static String createPet(ApiClient client, String name, String species, String price, boolean kids, String status) {
		Reply reply = client.postJson("/v1/pets", "{\"name\":\"" + name + "\",\"species\":\"" + species + "\",\"breed\":\"Mixed\","
				+ "\"ageMonths\":14,\"size\":\"SMALL\",\"goodWithKids\":" + kids + ",\"price\":\"" + price + "\",\"currency\":\"USD\","
				+ "\"status\":\"" + status + "\",\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

}
