package io.petstore.advisor;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.petstore.v1.StrictJson;

/**
 * The body of createChatCompletion. Defaults: model PET_ADVISOR_1, stream true, maxTokens 1024,
 * temperature 1. At most {@value #MAX_MESSAGES} messages of at most {@value ChatMessage#MAX_CONTENT}
 * characters each (and the server's 1 MiB cap on the whole body: 413 past it).
 */
@StrictJson
record ChatCompletionRequest(@NotNull @Size(min = 1, max = MAX_MESSAGES) List<@NotNull @Valid ChatMessage> messages,
		Model model, Boolean stream, @Min(1) @Max(4096) Integer maxTokens,
		@DecimalMin("0") @DecimalMax("2") Double temperature) {

	static final int MAX_MESSAGES = 200;

	Model modelOrDefault() {
		return model == null ? Model.PET_ADVISOR_1 : model;
	}

	boolean streamOrDefault() {
		return stream == null || stream;
	}

	int maxTokensOrDefault() {
		return maxTokens == null ? 1024 : maxTokens;
	}

	double temperatureOrDefault() {
		return temperature == null ? 1.0 : temperature;
	}

	List<PetAdvisor.Turn> turns() {
		return messages.stream().map(m -> new PetAdvisor.Turn(m.role(), m.content())).toList();
	}

	/** One message of the conversation. */
	@StrictJson
	record ChatMessage(@NotNull PetAdvisor.Role role, @NotNull @Size(max = MAX_CONTENT) String content) {

		static final int MAX_CONTENT = 32000;

	}

}
