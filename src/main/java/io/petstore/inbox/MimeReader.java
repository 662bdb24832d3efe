package io.petstore.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads received mail with Jakarta Mail (Eclipse Angus): headers, the text and HTML bodies and the
 * attachments. Never throws for a malformed message: what can be read is returned, with the reason
 * the rest could not. Nesting is followed {@value #MAX_DEPTH} levels deep.
 */
final class MimeReader {

	static final int MAX_DEPTH = 16;

	private static final Session SESSION = Session.getInstance(new Properties());

	/** Subject and From, decoded; for listings. */
	record Envelope(String from, String subject) {
	}

	private MimeReader() {
	}

	static Envelope envelope(byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			return new Envelope(clip(from(message)), clip(message.getSubject()));
		}
		catch (MessagingException | RuntimeException ex) {
			return new Envelope(null, null);
		}
	}

	static MessageDetail read(MessageSummary summary, byte[] raw) {
		Body body = new Body();
		List<MessageDetail.Header> headers = new ArrayList<>();
		Problems problems = new Problems();
		MimeMessage message;
		try {
			message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements();) {
				Header header = all.nextElement();
				headers.add(new MessageDetail.Header(header.getName(), decode(MimeUtility.unfold(header.getValue()))));
			}
		}
		catch (MessagingException | RuntimeException ex) {
			return new MessageDetail(summary.id(), summary.inboxId(), summary.envelopeFrom(), null, List.of(), List.of(), null,
					null, summary.receivedAt(), summary.size(), headers, null, null, List.of(), describe(ex));
		}
		// each part of the message is read on its own, so one malformed header does not hide the rest
		String from = problems.read(() -> from(message));
		String subject = problems.read(message::getSubject);
		List<String> to = problems.read(() -> addresses(message, RecipientType.TO));
		List<String> cc = problems.read(() -> addresses(message, RecipientType.CC));
		Date date = problems.read(message::getSentDate);
		problems.read(() -> {
			body.walk(message, 0);
			return null;
		});
		return new MessageDetail(summary.id(), summary.inboxId(), summary.envelopeFrom(), from, to == null ? List.of() : to,
				cc == null ? List.of() : cc, subject, date == null ? null : date.toInstant(), summary.receivedAt(), summary.size(),
				headers, body.text, body.html, body.attachments, problems.first);
	}

	private interface Reading<T> {

		T read() throws MessagingException, IOException;

	}

	/** Keeps the first reason something could not be read. */
	private static final class Problems {

		String first;

		<T> T read(Reading<T> reading) {
			try {
				return reading.read();
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				if (first == null) {
					first = describe(ex);
				}
				return null;
			}
		}

	}

	private static String describe(Exception ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static final class Body {

		String text;

		String html;

		final List<MessageDetail.Attachment> attachments = new ArrayList<>();

		void walk(Part part, int depth) throws MessagingException, IOException {
			if (depth > MAX_DEPTH) {
				throw new MessagingException("MIME parts nested deeper than " + MAX_DEPTH + " levels");
			}
			String fileName = fileName(part);
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
			if (part.isMimeType("multipart/*") && !attachment) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					walk(child, depth + 1);
				}
			}
			else if (!attachment && text == null && part.isMimeType("text/plain")) {
				text = content(part);
			}
			else if (!attachment && html == null && part.isMimeType("text/html")) {
				html = content(part);
			}
			else {
				attachments.add(new MessageDetail.Attachment(fileName, baseType(part), size(part)));
			}
		}

	}

	private static String content(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String string) {
				return string;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// an unknown charset: fall back to the bytes as UTF-8
		}
		try (InputStream in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static long size(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}

	private static String fileName(Part part) throws MessagingException {
		String name = part.getFileName();
		return name == null ? null : decode(name);
	}

	private static String baseType(Part part) throws MessagingException {
		String type = part.getContentType();
		if (type == null) {
			return null;
		}
		int semicolon = type.indexOf(';');
		return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static String from(MimeMessage message) throws MessagingException {
		Address[] from = message.getFrom();
		return from == null || from.length == 0 ? null : unicode(from[0]);
	}

	private static List<String> addresses(MimeMessage message, RecipientType type) throws MessagingException {
		Address[] addresses = message.getRecipients(type);
		return addresses == null ? List.of() : Arrays.stream(addresses).map(MimeReader::unicode).toList();
	}

	private static String unicode(Address address) {
		return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
	}

	private static String decode(String value) {
		try {
			return MimeUtility.decodeText(value);
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return value;
		}
	}

	private static String clip(String value) {
		return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
	}

}
