package io.petstore.advisor;

/**
 * A finished answer: its text (ending with the disclaimer unless {@code maxTokens} was below the
 * disclaimer's length), whether {@code maxTokens} cut it, and the token counts of {@link Tokens}.
 */
record Answer(String text, boolean truncated, int promptTokens, int completionTokens) {

	static final String DISCLAIMER = "Not veterinary advice: for a sick or injured animal, or any doubt about its health, ask a veterinarian.";

	static final int DISCLAIMER_TOKENS = Tokens.count(DISCLAIMER);

	/** The body with the disclaimer, cut to {@code maxTokens} (the body is cut; the disclaimer kept when it fits). */
	static Answer of(String body, int maxTokens, int promptTokens) {
		String full = body.isEmpty() ? DISCLAIMER : body + "\n\n" + DISCLAIMER;
		int tokens = Tokens.count(full);
		if (tokens <= maxTokens) {
			return new Answer(full, false, promptTokens, tokens);
		}
		String cut;
		if (maxTokens > DISCLAIMER_TOKENS) {
			cut = Tokens.truncate(body, maxTokens - DISCLAIMER_TOKENS) + "\n\n" + DISCLAIMER;
		}
		else {
			cut = Tokens.truncate(full, maxTokens);
		}
		return new Answer(cut, true, promptTokens, Tokens.count(cut));
	}

	String finishReason() {
		return truncated ? "LENGTH" : "STOP";
	}

}
