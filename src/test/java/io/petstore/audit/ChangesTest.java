package io.petstore.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit change sets alone: only changed fields, secrets redacted, huge values shortened. */
class ChangesTest {

	private final Changes changes = new Changes(JsonMapper.builder().build());

	private static Map<String, Object> state(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void keepsOnlyChangedFieldsAndLeavesUpdatedAtOut() {
		ObjectNode diff = changes.between(state("name", "Rex", "status", "AVAILABLE", "updatedAt", "2026-01-01"),
				state("name", "Rex", "status", "SOLD", "updatedAt", "2026-02-02"));
		assertThat(diff.propertyNames()).containsExactly("status");
		assertThat(diff.get("status").get("before").asString()).isEqualTo("AVAILABLE");
		assertThat(diff.get("status").get("after").asString()).isEqualTo("SOLD");
	}

	@Test
	void redactsEveryFieldWhoseNameHoldsASecret() {
		ObjectNode diff = changes.between(state("password", "old-pass", "apiToken", "t1", "cvc", "123", "passwordHash", null),
				state("password", "new-pass", "apiToken", "t2", "cvc", "456", "passwordHash", "$2a$..."));
		assertThat(diff.toString()).doesNotContain("old-pass", "new-pass", "t1", "t2", "123", "456", "$2a$");
		assertThat(diff.get("password").get("before").asString()).isEqualTo("[redacted]");
		assertThat(diff.get("passwordHash").get("before").isNull()).as("null stays null").isTrue();
		assertThat(diff.get("passwordHash").get("after").asString()).isEqualTo("[redacted]");
	}

	@Test
	void creationAndDeletionShowEveryField() {
		ObjectNode created = changes.between(null, state("name", "Rex", "age", 3));
		assertThat(created.get("name").get("before").isNull()).isTrue();
		assertThat(created.get("age").get("after").asInt()).isEqualTo(3);
		ObjectNode deleted = changes.between(state("name", "Rex"), null);
		assertThat(deleted.get("name").get("after").isNull()).isTrue();
	}

	@Test
	void shortensValuesLongerThanTheLimit() {
		String huge = "x".repeat(Changes.MAX_VALUE_CHARS + 1);
		ObjectNode diff = changes.between(state("description", "short"), state("description", huge));
		assertThat(diff.get("description").get("after").asString())
			.isEqualTo("[omitted: " + (Changes.MAX_VALUE_CHARS + 1) + " characters]");
		assertThat(diff.get("description").get("before").asString()).isEqualTo("short");
	}

}
