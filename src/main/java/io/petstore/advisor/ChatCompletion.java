package io.petstore.advisor;

import java.util.List;

/** A non-streamed answer of createChatCompletion (201). */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

	record Choice(int index, Message message, String finishReason) {
	}

	record Message(String role, String content) {
	}

	/** Tokens by the {@link Tokens} rule: the messages' contents, the returned content, their sum. */
	record Usage(int promptTokens, int completionTokens, int totalTokens) {

		static Usage of(Answer answer) {
			return new Usage(answer.promptTokens(), answer.completionTokens(), answer.promptTokens() + answer.completionTokens());
		}

	}

}
