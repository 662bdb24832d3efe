package io.petstore.advisor;

import java.util.List;

import org.springframework.stereotype.Service;

import io.petstore.auth.CallContext;
import io.petstore.auth.Scopes;

/**
 * The advisor's one way in, for the REST endpoint and for other modules ({@link PetAdvisor}): checks
 * {@code chat:write}, then answers offline ({@link OfflineAdvisor}). Chat completions change
 * nothing, so they are not audited.
 */
@Service
class Advisor implements PetAdvisor {

	private final OfflineAdvisor offline;

	Advisor(OfflineAdvisor offline) {
		this.offline = offline;
	}

	@Override
	public Reply reply(CallContext call, List<Turn> conversation, int maxTokens) {
		Answer answer = answer(call, conversation, Model.PET_ADVISOR_1, maxTokens);
		return new Reply(answer.text(), answer.truncated());
	}

	/** The offline answer (requires chat:write). */
	Answer answer(CallContext call, List<Turn> conversation, Model model, int maxTokens) {
		check(call, maxTokens);
		String body = offline.body(call.tenant(), conversation, model);
		return Answer.of(body, maxTokens, promptTokens(conversation));
	}

	/**
	 * A completion for the REST endpoint (requires chat:write): the offline answer, or the upstream's
	 * stream when one is configured (opened here, so that its failure is a 502 or 503 before any of
	 * the answer is sent).
	 */
	Completion start(CallContext call, List<Turn> conversation, Model model, int maxTokens, double temperature) {
		check(call, maxTokens);
		return Completion.of(answer(call, conversation, model, maxTokens));
	}

	private static void check(CallContext call, int maxTokens) {
		call.require(Scopes.CHAT_WRITE);
		if (maxTokens < 1) {
			throw io.petstore.v1.DomainException.invalid("maxTokens", "must be 1 or more", "out_of_range");
		}
	}

	/** The prompt's tokens: every turn's content by the {@link Tokens} rule (roles not counted). */
	static int promptTokens(List<Turn> conversation) {
		int n = 0;
		for (Turn turn : conversation) {
			n += Tokens.count(turn.content());
		}
		return n;
	}

}
