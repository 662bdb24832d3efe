package io.petstore.inbox;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domain names and mail addresses as the Inboxes API stores them: internationalised names are
 * converted to their ASCII (punycode) form with the JDK's IDNA implementation (STD3 rules: letters,
 * digits and hyphens), then lower-cased; a trailing dot is dropped. Refusals are 400s that say why.
 */
final class Addresses {

	static final int MAX_DOMAIN = 253;

	static final int MAX_LOCAL_PART = 64;

	/** RFC 5322 dot-atom: what an address's local part may be without quoting. */
	private static final Pattern DOT_ATOM = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private Addresses() {
	}

	/** The stored form of a domain name, or a 400 that says what is wrong with it. */
	static String domain(String input) {
		if (input == null || input.isBlank()) {
			throw InboxErrors.badRequest("Invalid domain name: a name such as mydomain.com is required");
		}
		String name = input.strip();
		if (name.length() > 4 * MAX_DOMAIN) {
			throw invalid(name.substring(0, 40) + "...", "longer than " + MAX_DOMAIN + " characters");
		}
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		String ascii;
		try {
			ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(input, "not a valid host name (" + ex.getMessage() + ")");
		}
		if (ascii.length() > MAX_DOMAIN) {
			throw invalid(input, "longer than " + MAX_DOMAIN + " characters in ASCII form");
		}
		String[] labels = ascii.split("\\.", -1);
		if (labels.length < 2) {
			throw invalid(input, "a domain needs at least two labels, such as mydomain.com");
		}
		for (String label : labels) {
			if (label.isEmpty()) {
				throw invalid(input, "empty label");
			}
			if (label.length() > 63) {
				throw invalid(input, "label '" + label + "' is longer than 63 characters");
			}
			if (!LABEL.matcher(label).matches()) {
				throw invalid(input, "label '" + label + "' may hold letters, digits and inner hyphens only");
			}
		}
		if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
			throw invalid(input, "an IP address is not a domain name");
		}
		return ascii;
	}

	/** The stored form of an address {@code local@domain}, or a 400. */
	static String address(String input) {
		if (input == null || input.isBlank()) {
			throw InboxErrors.badRequest("Invalid inbox name: an address such as me@mydomain.com is required");
		}
		String value = input.strip();
		int at = value.lastIndexOf('@');
		if (at <= 0 || at == value.length() - 1) {
			throw InboxErrors.badRequest("Invalid inbox name '" + value + "': expected local@domain, such as me@mydomain.com");
		}
		String local = value.substring(0, at).toLowerCase(Locale.ROOT);
		if (local.length() > MAX_LOCAL_PART) {
			throw InboxErrors.badRequest("Invalid inbox name '" + value + "': the part before @ has more than " + MAX_LOCAL_PART + " characters");
		}
		if (!DOT_ATOM.matcher(local).matches()) {
			throw InboxErrors.badRequest("Invalid inbox name '" + value + "': the part before @ may hold letters, digits, "
					+ "!#$%&'*+/=?^_`{|}~- and single inner dots");
		}
		return local + "@" + domain(value.substring(at + 1));
	}

	static String domainOf(String address) {
		return address.substring(address.lastIndexOf('@') + 1);
	}

	private static RuntimeException invalid(String input, String why) {
		return InboxErrors.badRequest("Invalid domain name '" + input + "': " + why);
	}

}
