package io.petstore.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http hides or cannot do reliably: the status
 * line's reason phrase, and a response the server sends (and closes on) before the client has
 * finished sending a body that is too large.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the request (body with a Content-Length, or chunked) and returns the whole raw response,
	 * also when the server answered and closed before the body was sent.
	 */
	public static String exchange(int port, UUID tenant, String method, String path, String contentType, byte[] body,
			boolean chunked) throws IOException {
		return exchange(port, tenant, method, path, contentType, body, chunked, new String[0]);
	}

	/** The same, with extra request headers (name, value, name, value, ...). */
	public static String exchange(int port, UUID tenant, String method, String path, String contentType, byte[] body,
			boolean chunked, String... headers) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
			if (tenant != null) {
				head.append("X-Tenant-ID: ").append(tenant).append("\r\n");
			}
			for (int i = 0; i + 1 < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n")
					.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length).append("\r\n");
			}
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			try {
				if (body != null) {
					writeBody(out, body, chunked);
				}
				out.flush();
			}
			catch (IOException closedEarly) {
				// the server answered and closed before the whole body was sent
			}
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
		for (int off = 0; off < body.length; off += 65536) {
			int len = Math.min(65536, body.length - off);
			if (chunked) {
				out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			out.write(body, off, len);
			if (chunked) {
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
		}
		if (chunked) {
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
	}

}
