package io.petstore.websocket;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import io.petstore.supportchat.ChatLimits;

/**
 * Serves {@link ChatSocketHandler} at {@link #PATH} through a handler mapping of its own (as
 * Spring for GraphQL serves {@code /v1/graphql}), so no {@code @EnableWebSocket} changes what the
 * other WebSocket endpoints get. Jetty enforces the frame size and the idle timeout.
 */
@Configuration(proxyBeanMethods = false)
class ChatWebSocketConfig {

	static final String PATH = "/v1/ws/chat";

	@Bean
	WebSocketHandlerMapping chatWebSocketMapping(ChatSocketHandler handler, ChatHandshake handshake, ChatLimits limits) {
		JettyRequestUpgradeStrategy jetty = new JettyRequestUpgradeStrategy();
		jetty.addWebSocketConfigurer(configurable -> {
			configurable.setMaxTextMessageSize(limits.maxFrameBytes());
			configurable.setMaxBinaryMessageSize(limits.maxFrameBytes());
			configurable.setIdleTimeout(limits.idleTimeout());
		});
		WebSocketHttpRequestHandler http = new WebSocketHttpRequestHandler(handler, new DefaultHandshakeHandler(jetty));
		http.setHandshakeInterceptors(List.of(handshake));
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(PATH, http));
		mapping.setOrder(-3);
		return mapping;
	}

}
