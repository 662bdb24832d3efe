package io.petstore.socketio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.utils.ParseQS;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * {@code /socket.io/}, both transports, behind Spring's filters and CORS settings (a controller
 * mapping). {@code ?EIO=4&transport=websocket} (a new connection, or {@code &sid=} for the upgrade
 * from polling) goes to Spring WebSocket's handshake with {@link SocketIoWebSocketHandler} (Spring's
 * WebSocket handler mapping cannot share a path with a controller: the controller mapping answers
 * 400 for the requests it does not match instead of letting the next mapping try). Everything else
 * is long-polling, handed to {@code EngineIoServer.handleRequest} (which answers engine.io's own
 * errors: unknown transport, unknown sid). A polling GET waits for packets as an async request
 * (engine.io starts it; Spring's filters and the dispatcher are async-capable). A POST's body is read here,
 * up to {@code petstore.socketio.max-http-buffer-bytes} (413 past it, as engine.io's
 * {@code maxHttpBufferSize}), and given to engine.io as a body of known length: its own reader
 * needs a Content-Length and would loop on a body cut short.
 */
@Controller
class SocketIoEndpoint {

	private final EngineIoServer engine;

	private final SocketIoGate gate;

	private final int maxBody;

	private final WebSocketHttpRequestHandler webSocket;

	SocketIoEndpoint(EngineIoServer engine, SocketIoGate gate, SocketIoProperties properties, SocketIoWebSocketHandler handler,
			ServletContext servletContext) {
		this.engine = engine;
		this.gate = gate;
		this.maxBody = properties.maxHttpBufferBytes();
		DefaultHandshakeHandler handshake = new DefaultHandshakeHandler();
		this.webSocket = new WebSocketHttpRequestHandler(handler, handshake);
		this.webSocket.setServletContext(servletContext);
		this.webSocket.start();
	}

	@RequestMapping(path = { SocketIoConfig.PATH, "/socket.io" }, method = { RequestMethod.GET, RequestMethod.POST })
	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		Map<String, String> query = query(request.getQueryString());
		if (query == null) {
			// engine.io's own parser would fail (500) on a missing, repeated or badly escaped parameter
			error(response, 400, "Bad request: expected ?EIO=4&transport=polling|websocket[&sid=...]");
			return;
		}
		if ("websocket".equals(query.get("transport"))) {
			webSocket.handleRequest(request, response);
			return;
		}
		HttpServletRequest handed = request;
		if ("POST".equalsIgnoreCase(request.getMethod())) {
			byte[] body = readBody(request);
			if (body == null) {
				response.setHeader("Connection", "close");
				error(response, 413, "Payload too large: a polling body holds at most " + maxBody + " bytes");
				return;
			}
			handed = new ReadBody(request, body);
		}
		HttpServletRequest polling = handed;
		gate.fromAddress(request.getRemoteAddr(), request.getHeader("User-Agent"), () -> {
			try {
				engine.handleRequest(polling, response);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	/** The query as engine.io reads it, or null when engine.io's parser would fail on it. */
	static Map<String, String> query(String queryString) {
		if (queryString == null || queryString.isEmpty()) {
			return null;
		}
		try {
			return ParseQS.decode(queryString);
		}
		catch (RuntimeException malformed) {
			return null;
		}
	}

	/** The body, or null when it is larger than the cap (the rest stays unread). */
	private byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > maxBody) {
			return null;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try (InputStream in = request.getInputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				body.write(buffer, 0, n);
				if (body.size() > maxBody) {
					return null;
				}
			}
		}
		return body.toByteArray();
	}

	private static void error(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		byte[] bytes = ("{\"code\":" + status + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** A request whose body has been read: engine.io reads it again from memory, in one go. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					// engine.io asks for the whole length at each offset: give what fits
					return in.read(b, off, Math.min(len, b.length - off));
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("the body has been read already");
				}
			};
		}

	}

}
