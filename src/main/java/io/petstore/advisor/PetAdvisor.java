package io.petstore.advisor;

import java.util.List;

import io.petstore.auth.CallContext;

/**
 * The pet-care advisor as other modules use it (the support chat answers with it while no agent
 * has joined a conversation). Offline by default: retrieval over the shipped knowledge base and
 * the caller's tenant's catalog; an OpenAI-compatible upstream when {@code petstore.chat.upstream.*}
 * is set.
 */
public interface PetAdvisor {

	/**
	 * One assistant reply to a conversation (oldest turn first), deterministic for the same
	 * conversation and catalog, at most {@code maxTokens} tokens long. Requires scope
	 * {@code chat:write} of {@code call}; the catalog facts come from {@code call.tenant()}.
	 */
	Reply reply(CallContext call, List<Turn> conversation, int maxTokens);

	/** Who said what. */
	enum Role {
		SYSTEM, USER, ASSISTANT
	}

	/** One turn of the conversation. */
	record Turn(Role role, String content) {
	}

	/**
	 * The reply.
	 * @param content the text, which says it is not veterinary advice
	 * @param truncated whether {@code maxTokens} cut it short
	 */
	record Reply(String content, boolean truncated) {
	}

}
