package io.petstore.socketio;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.petstore.support.NodeProject;

/**
 * The npm project of src/test/socketio-js (socket.io-client 4.8.4, ws 8.23.0): its scripts run
 * with the machine's Node against a server and tenant. Skips the test when node or npm is missing.
 */
final class NodeScripts {

	private static final NodeProject PROJECT = NodeProject.of("socketio-js", "socket.io-client");

	private NodeScripts() {
	}

	/** Runs scripts/{name}.js against this server and tenant; answers the JSON it printed. */
	static JsonNode run(String name, String base, String tenant, Map<String, String> environment) {
		Map<String, String> env = new HashMap<>(environment);
		env.put("PETSTORE_BASE_URL", base);
		env.put("PETSTORE_TENANT", tenant);
		return PROJECT.script(name, env, 180);
	}

}
