package io.petstore.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import io.petstore.v1.DomainException;

/**
 * Where webhooks and callbacks may go. A URL must be http or https, without credentials, and its
 * host must resolve only to public addresses: loopback, private (RFC 1918, unique local),
 * link-local (and with it the cloud metadata address 169.254.169.254), carrier-grade NAT,
 * multicast and unspecified addresses are refused unless {@code petstore.webhooks.allowed-networks}
 * contains them. So are IPv4 addresses in any spelling but four decimal numbers
 * ({@link #ambiguousIpv4}): Java and other HTTP clients read {@code 0177.0.0.1} as different
 * addresses. Checked when a URL is given (422) and again as the HTTP client's DNS resolver, so
 * every connection (after redirects, and after a DNS answer that changed) goes only to an address
 * that passed.
 */
@Component
class TargetGuard implements DnsResolver {

	/** Internal ranges that {@link InetAddress}'s own tests do not cover. */
	private static final List<IpAddressMatcher> INTERNAL = List.of(new IpAddressMatcher("100.64.0.0/10"),
			new IpAddressMatcher("0.0.0.0/8"), new IpAddressMatcher("192.0.0.0/24"), new IpAddressMatcher("198.18.0.0/15"),
			new IpAddressMatcher("240.0.0.0/4"), new IpAddressMatcher("fc00::/7"), new IpAddressMatcher("64:ff9b::/96"));

	/** An IPv4 address as four decimal numbers from 0 to 255, without leading zeros. */
	private static final java.util.regex.Pattern CANONICAL_IPV4 = java.util.regex.Pattern
		.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

	private final List<IpAddressMatcher> allowed;

	TargetGuard(WebhookProperties properties) {
		this.allowed = properties.allowedNetworks().stream().map(String::trim).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new)
			.toList();
	}

	/** Thrown (as the resolver's answer) when a host resolves to an address that is not allowed. */
	static class RefusedTargetException extends UnknownHostException {

		RefusedTargetException(String message) {
			super(message);
		}

	}

	/**
	 * Checks a URL given by a user: the {@code field} is named in the 422.
	 * @return the URL, normalised
	 */
	String check(String field, String url) {
		if (url.length() > 2048) {
			throw DomainException.invalid(field, "must be at most 2048 characters", "too_long");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw DomainException.invalid(field, "must be an absolute http or https URL", "invalid_url");
		}
		// before Java's own host parsing, which refuses some of these spellings and reads others its own way
		String written = hostOf(uri.getRawAuthority());
		if (written != null && ambiguousIpv4(written)) {
			throw DomainException.invalid(field, "the host " + written + " is an IPv4 address written in a form HTTP clients "
					+ "read differently (octal or hexadecimal parts, leading zeros, a single number, fewer than four parts "
					+ "or a trailing dot); write it as four decimal numbers, such as 203.0.113.7", "ambiguous_ipv4");
		}
		try {
			uri = uri.parseServerAuthority();
		}
		catch (URISyntaxException ex) {
			throw DomainException.invalid(field, "must be an absolute http or https URL", "invalid_url");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw DomainException.invalid(field, "must be an absolute http or https URL", "invalid_url");
		}
		if (uri.getRawUserInfo() != null) {
			throw DomainException.invalid(field, "must not contain credentials", "invalid_url");
		}
		if (uri.getRawFragment() != null) {
			throw DomainException.invalid(field, "must not contain a fragment", "invalid_url");
		}
		try {
			resolve(uri.getHost());
		}
		catch (RefusedTargetException ex) {
			throw DomainException.invalid(field, ex.getMessage(), "target_not_allowed");
		}
		catch (UnknownHostException ex) {
			throw DomainException.invalid(field, "the host " + uri.getHost() + " does not resolve", "unknown_host");
		}
		return uri.toString();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (ambiguousIpv4(bare)) {
			// a redirect to such a host: Java would connect where other clients would not
			throw new RefusedTargetException(host + " is an IPv4 address in an ambiguous form (not four decimal numbers): "
					+ "not an allowed target");
		}
		InetAddress[] addresses = InetAddress.getAllByName(bare);
		for (InetAddress address : addresses) {
			String why = refusal(address);
			if (why != null) {
				throw new RefusedTargetException(host + " resolves to " + address.getHostAddress() + ", " + why
						+ ": not an allowed target (see petstore.webhooks.allowed-networks)");
			}
		}
		return addresses;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		List<InetSocketAddress> result = new ArrayList<>();
		for (InetAddress address : resolve(host)) {
			result.add(new InetSocketAddress(address, port));
		}
		return result;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return resolve(host)[0].getCanonicalHostName();
	}

	/**
	 * True if a WHATWG URL parser (browsers, curl, most HTTP libraries) reads this host as an IPv4
	 * address but it is not written as the canonical four decimal numbers: {@code 0177.0.0.1}
	 * (octal: 127.0.0.1, where Java reads 177.0.0.1), {@code 127.0.0.01}, {@code 0x7f.0.0.1},
	 * {@code 2130706433}, {@code 127.1}, {@code 127.0.0.1.}, and names whose last label is a
	 * number ({@code example.123}), which such parsers refuse. Whether it is read as an address is
	 * decided as those parsers see the host (percent-decoded, mapped by IDNA: full-width digits,
	 * ideographic full stops; in lower case); then it must be written as the four numbers, in ASCII.
	 */
	static boolean ambiguousIpv4(String host) {
		if (host.indexOf(':') >= 0) {
			return false; // an IPv6 address
		}
		String seen = asUrlParsersSeeIt(host);
		List<String> parts = new ArrayList<>(List.of(seen.split("\\.", -1)));
		if (parts.get(parts.size() - 1).isEmpty()) {
			if (parts.size() == 1) {
				return false;
			}
			parts.remove(parts.size() - 1);
		}
		String last = parts.get(parts.size() - 1);
		boolean endsInANumber = !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')
				|| last.matches("0x[0-9a-f]*");
		return endsInANumber && !CANONICAL_IPV4.matcher(host).matches();
	}

	private static String asUrlParsersSeeIt(String host) {
		String seen = host;
		try {
			seen = java.net.URLDecoder.decode(seen.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notEncoded) {
			// a stray %: compared as written
		}
		try {
			seen = java.net.IDN.toASCII(seen, java.net.IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException notAName) {
			// compared as written
		}
		return seen.toLowerCase(Locale.ROOT);
	}

	/** The host part of a URL's authority as written ({@code user@host:port}), null without one. */
	private static String hostOf(String rawAuthority) {
		if (rawAuthority == null) {
			return null;
		}
		String host = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
		if (host.startsWith("[")) {
			return null;
		}
		int colon = host.lastIndexOf(':');
		return colon >= 0 ? host.substring(0, colon) : host;
	}

	/** Why this address is refused, or null if it may be connected to. */
	String refusal(InetAddress address) {
		InetAddress effective = unmapped(address);
		for (IpAddressMatcher matcher : allowed) {
			if (matcher.matches(effective.getHostAddress())) {
				return null;
			}
		}
		if (effective.isLoopbackAddress()) {
			return "a loopback address";
		}
		if (effective.isAnyLocalAddress()) {
			return "an unspecified address";
		}
		if (effective.isLinkLocalAddress()) {
			return "a link-local address (cloud metadata lives here)";
		}
		if (effective.isSiteLocalAddress()) {
			return "a private address";
		}
		if (effective.isMulticastAddress()) {
			return "a multicast address";
		}
		String text = effective.getHostAddress();
		for (IpAddressMatcher matcher : INTERNAL) {
			if (matcher.matches(text)) {
				return "an internal address";
			}
		}
		if (effective instanceof Inet4Address && text.equals("255.255.255.255")) {
			return "a broadcast address";
		}
		return null;
	}

	/** ::ffff:10.0.0.1 is 10.0.0.1 (Java usually converts these itself; this covers the rest). */
	private static InetAddress unmapped(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
				try {
					return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return address;
	}

}
