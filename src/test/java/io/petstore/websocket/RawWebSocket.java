package io.petstore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket handshake and frames by hand over a plain socket: to read a refused upgrade's status
 * and body, and to play a client that stops reading (its receive buffer kept tiny).
 */
final class RawWebSocket implements AutoCloseable {

	final Socket socket;

	final int status;

	final Map<String, String> headers = new LinkedHashMap<>();

	final String body;

	private RawWebSocket(Socket socket, int status, String body) {
		this.socket = socket;
		this.status = status;
		this.body = body;
	}

	static RawWebSocket open(int port, String pathAndQuery, Map<String, String> extraHeaders, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
		socket.setSoTimeout(20_000);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(nonce) + "\r\n");
		extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		InputStream in = socket.getInputStream();
		String head = readHead(in);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		String body = "";
		if (status != 101) {
			if (headers.containsKey("content-length")) {
				body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = readChunked(in);
			}
		}
		RawWebSocket raw = new RawWebSocket(socket, status, body);
		raw.headers.putAll(headers);
		return raw;
	}

	/** Sends one masked text frame. */
	void sendText(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xff);
		}
		else {
			frame.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) payload.length >> shift) & 0xff);
			}
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		socket.getOutputStream().write(frame.toByteArray());
		socket.getOutputStream().flush();
	}

	/** Reads and drops what the server sent until it closes the connection; answers whether it did within the time. */
	boolean drainUntilClosed(long millis) {
		long deadline = System.currentTimeMillis() + millis;
		byte[] buffer = new byte[65536];
		try {
			socket.setSoTimeout(500);
			InputStream in = socket.getInputStream();
			while (System.currentTimeMillis() < deadline) {
				try {
					if (in.read(buffer) < 0) {
						return true;
					}
				}
				catch (java.net.SocketTimeoutException quiet) {
					// keep waiting
				}
			}
			return false;
		}
		catch (IOException reset) {
			return true;
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int state = 0;
		while (state < 4) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : b == '\r' ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static String readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0 && b != '\n') {
				if (b != '\r') {
					size.append((char) b);
				}
			}
			int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
			if (length == 0) {
				return body.toString(StandardCharsets.UTF_8);
			}
			body.write(in.readNBytes(length));
			in.read();
			in.read();
		}
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
