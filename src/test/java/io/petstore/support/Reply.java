package io.petstore.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as the client saw it. */
public record Reply(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public JsonNode json() {
		return JSON.readTree(body);
	}

	public String header(String name) {
		return headers.firstValue(name).orElse(null);
	}

	public String contentType() {
		return header("Content-Type");
	}

	@Override
	public String toString() {
		return status + " " + contentType() + " " + body;
	}

}
