package io.petstore.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP client over a socket, to see the listener's reply codes line by line. */
final class SmtpDialog implements AutoCloseable {

	private final Socket socket;

	private final BufferedReader in;

	private final OutputStream out;

	SmtpDialog(int port) throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(10_000);
		in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		out = socket.getOutputStream();
		reply();
	}

	/** Sends one command line; returns the (last line of the) reply. */
	String send(String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return reply();
	}

	/** Writes raw bytes (a DATA payload, say) without waiting for a reply. */
	void write(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	String reply() throws IOException {
		String line = in.readLine();
		while (line != null && line.length() > 3 && line.charAt(3) == '-') {
			line = in.readLine();
		}
		return line;
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
