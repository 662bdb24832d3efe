package io.petstore.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One engine.io server and the Socket.IO server on top of it, for this instance. Both transports
 * reach it through {@link SocketIoEndpoint} at {@code /socket.io/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocketIoProperties.class)
class SocketIoConfig {

	static final String PATH = "/socket.io/";

	@Bean(destroyMethod = "shutdown")
	static EngineIoServer engineIoServer(SocketIoProperties properties) {
		EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
		// Spring's CORS configuration (web.CorsConfig) answers for /socket.io/ as for every path
		options.setCorsHandlingDisabled(true);
		options.setAllowSyncPolling(false);
		options.setPingInterval(properties.pingInterval());
		options.setPingTimeout(properties.pingTimeout());
		return new EngineIoServer(options);
	}

	@Bean
	static SocketIoServer socketIoServer(EngineIoServer engine, SocketIoGate gate) {
		// the gate listens to new engine.io connections before the Socket.IO server does
		gate.attach(engine);
		SocketIoServerOptions options = SocketIoServerOptions.newFromDefault();
		options.setConnectionTimeout(45_000);
		return new SocketIoServer(engine, options);
	}

}
