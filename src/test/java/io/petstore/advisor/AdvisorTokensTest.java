package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token rule that usage and maxTokens use (docs/advisor.md). */
class AdvisorTokensTest {

	@Test
	void aTokenIsARunOfLettersAndDigitsOrOnePunctuationCharacter() {
		assertThat(Tokens.count("Max (id 019b) costs 250.00 USD.")).isEqualTo(11);
		assertThat(Tokens.count("  \n\t ")).isZero();
		assertThat(Tokens.count("Chats-échaudés!")).isEqualTo(4);
		assertThat(Tokens.count(Answer.DISCLAIMER)).isEqualTo(Answer.DISCLAIMER_TOKENS).isEqualTo(22);
	}

	@Test
	void truncationKeepsWholeTokensAndEndsAtTheLastOne() {
		String text = "Feed twice a day, please.  Then rest.";
		assertThat(Tokens.truncate(text, 4)).isEqualTo("Feed twice a day");
		assertThat(Tokens.truncate(text, 5)).isEqualTo("Feed twice a day,");
		assertThat(Tokens.truncate(text, 100)).isEqualTo(text);
		for (int max = 1; max <= Tokens.count(text); max++) {
			assertThat(Tokens.count(Tokens.truncate(text, max))).isEqualTo(max);
		}
	}

	@Test
	void aCutAnswerKeepsTheDisclaimerAndCountsExactlyMaxTokens() {
		String body = "Rabbits need hay all day. ".repeat(20).strip();
		Answer full = Answer.of(body, 4096, 0);
		assertThat(full.truncated()).isFalse();
		assertThat(full.text()).endsWith(Answer.DISCLAIMER);
		assertThat(full.completionTokens()).isEqualTo(Tokens.count(full.text()));

		Answer cut = Answer.of(body, 40, 0);
		assertThat(cut.truncated()).isTrue();
		assertThat(cut.finishReason()).isEqualTo("LENGTH");
		assertThat(cut.text()).startsWith("Rabbits need hay all day.").endsWith("\n\n" + Answer.DISCLAIMER);
		assertThat(cut.completionTokens()).isEqualTo(40).isEqualTo(Tokens.count(cut.text()));

		// below the disclaimer's own length only a prefix fits
		Answer tiny = Answer.of(body, 3, 0);
		assertThat(tiny.text()).isEqualTo("Rabbits need hay");
		assertThat(tiny.completionTokens()).isEqualTo(3);
	}

}
