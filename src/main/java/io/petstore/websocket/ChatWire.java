package io.petstore.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * The chat's JSON on the wire: messages {@code {"type": ..., ...fields}} with nulls written out
 * (the contract says {@code agent: null}), reading the fields of incoming messages with the field
 * errors REST gives ({@code BAD_REQUEST} with {@code fields}), and the {@code error} message.
 */
@Component
class ChatWire {

	private final JsonMapper json;

	ChatWire(JsonMapper json) {
		this.json = json.rebuild().changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS)).build();
	}

	/** A message of this type with the components of {@code body} (a record) as its fields. */
	String message(String type, Object body) {
		ObjectNode node = json.createObjectNode();
		node.put("type", type);
		if (body != null) {
			JsonNode fields = json.valueToTree(body);
			if (fields instanceof ObjectNode object) {
				object.remove("type");
				node.setAll(object);
			}
		}
		return json.writeValueAsString(node);
	}

	String write(ObjectNode node) {
		return json.writeValueAsString(node);
	}

	ObjectNode object() {
		return json.createObjectNode();
	}

	JsonNode tree(Object value) {
		return json.valueToTree(value);
	}

	/** Parses an incoming message: a JSON object with a string {@code type}. */
	ObjectNode parse(String text) {
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException malformed) {
			throw DomainException.badRequest("The message is not valid JSON: " + firstLine(malformed.getOriginalMessage()));
		}
		if (!(node instanceof ObjectNode object)) {
			throw DomainException.badRequest("A message is a JSON object {\"type\": ..., ...}.");
		}
		return object;
	}

	/** The fields of one incoming message, collecting every field error before refusing. */
	static final class Fields {

		private final ObjectNode node;

		private final List<FieldIssue> issues = new ArrayList<>();

		Fields(ObjectNode node) {
			this.node = node;
		}

		UUID uuid(String name, boolean required) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				if (required) {
					issues.add(new FieldIssue(name, "is required", "REQUIRED"));
				}
				return null;
			}
			if (!value.isString() || value.asString().length() != 36) {
				issues.add(new FieldIssue(name, "must be a UUID string", "INVALID_FORMAT"));
				return null;
			}
			try {
				return UUID.fromString(value.asString());
			}
			catch (IllegalArgumentException ex) {
				issues.add(new FieldIssue(name, "must be a UUID string", "INVALID_FORMAT"));
				return null;
			}
		}

		String string(String name, boolean required) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				if (required) {
					issues.add(new FieldIssue(name, "is required", "REQUIRED"));
				}
				return null;
			}
			if (!value.isString()) {
				issues.add(new FieldIssue(name, "must be a string", "INVALID_TYPE"));
				return null;
			}
			return value.asString();
		}

		/** Refuses with every field error found. */
		void check() {
			if (!issues.isEmpty()) {
				throw new DomainException(DomainException.Kind.INVALID, "validation-error",
						"The message is invalid: " + issues.stream().map(issue -> issue.field() + " " + issue.message()).toList(), issues);
			}
		}

	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

}
