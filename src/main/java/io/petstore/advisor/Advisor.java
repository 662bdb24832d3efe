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

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Advisor.class);

	private final OfflineAdvisor offline;

	private final Upstream upstream;

	Advisor(OfflineAdvisor offline, Upstream upstream) {
		this.offline = offline;
		this.upstream = upstream;
	}

	/** The upstream's answer when one is configured and answers; the offline one otherwise. */
	@Override
	public Reply reply(CallContext call, List<Turn> conversation, int maxTokens) {
		check(call, maxTokens);
		if (upstream.configured()) {
			try {
				Answer answer = start(call, conversation, Model.PET_ADVISOR_1, maxTokens, 0.0).collect();
				return new Reply(answer.text(), answer.truncated());
			}
			catch (UpstreamFailure | java.io.IOException failed) {
				LOG.warn("upstream chat model failed, answering offline: {}", failed.getMessage());
			}
		}
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
		if (upstream.configured()) {
			return upstream.open(systemPrompt(call, conversation), conversation, maxTokens, temperature,
					promptTokens(conversation));
		}
		return Completion.of(answer(call, conversation, model, maxTokens));
	}

	/** What the upstream model is told: its role, and the catalog facts the question calls for. */
	private String systemPrompt(CallContext call, List<Turn> conversation) {
		return "You are the pet-care advisor of an online pet store. Answer questions about caring for dogs, cats, "
				+ "rabbits, birds and reptiles carefully and briefly; you are not a veterinarian, so send anything "
				+ "urgent or medical to one. When asked which pets the store has, name only pets from these catalog "
				+ "facts, with their ids and prices, and never invent pets.\n\nCatalog facts: "
				+ offline.catalogFacts(call.tenant(), conversation);
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
