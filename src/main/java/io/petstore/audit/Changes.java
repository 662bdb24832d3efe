package io.petstore.audit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The changed fields between two states of an entity, as {@code {field: {before, after}}}. States
 * are turned into JSON the way the API shows them; fields that hold secrets are never copied
 * (their change shows as {@code "[redacted]"}), {@code updatedAt} is left out (every change moves
 * it), and a value longer than {@value #MAX_VALUE_CHARS} characters is replaced by its length.
 */
@Component
class Changes {

	static final int MAX_VALUE_CHARS = 2000;

	private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "cvc", "token", "hash");

	private final JsonMapper json;

	Changes(JsonMapper json) {
		this.json = json;
	}

	ObjectNode between(Object before, Object after) {
		ObjectNode from = toObject(before);
		ObjectNode to = toObject(after);
		Set<String> names = new LinkedHashSet<>();
		names.addAll(to.propertyNames());
		names.addAll(from.propertyNames());
		ObjectNode changes = JsonNodeFactory.instance.objectNode();
		for (String name : names) {
			if (name.equals("updatedAt")) {
				continue;
			}
			JsonNode was = value(from.get(name));
			JsonNode is = value(to.get(name));
			if (was.equals(is)) {
				continue;
			}
			ObjectNode change = changes.putObject(name);
			if (secret(name)) {
				change.put("before", was.isNull() ? null : "[redacted]");
				change.put("after", is.isNull() ? null : "[redacted]");
			}
			else {
				change.set("before", bounded(was));
				change.set("after", bounded(is));
			}
		}
		return changes;
	}

	private ObjectNode toObject(Object state) {
		if (state == null) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode tree = json.valueToTree(state);
		if (tree instanceof ObjectNode object) {
			return object;
		}
		ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
		wrapped.set("value", tree);
		return wrapped;
	}

	private static JsonNode value(JsonNode node) {
		return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
	}

	private static boolean secret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_WORDS.stream().anyMatch(lower::contains);
	}

	private static JsonNode bounded(JsonNode value) {
		if (value.isValueNode() && !value.isString()) {
			return value;
		}
		String text = value.isString() ? value.asString() : value.toString();
		if (text.length() <= MAX_VALUE_CHARS) {
			return value;
		}
		return JsonNodeFactory.instance.stringNode("[omitted: " + text.length() + " characters]");
	}

}
