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

import io.petstore.v1.ProblemException;

/**
 * Where webhooks and callbacks may go. A URL must be http or https, without credentials, and its
 * host must resolve only to public addresses: loopback, private (RFC 1918, unique local),
 * link-local (and with it the cloud metadata address 169.254.169.254), carrier-grade NAT,
 * multicast and unspecified addresses are refused unless {@code petstore.webhooks.allowed-networks}
 * contains them. Checked when a URL is given (422) and again as the HTTP client's DNS resolver, so
 * every connection (after redirects, and after a DNS answer that changed) goes only to an address
 * that passed.
 */
@Component
class TargetGuard implements DnsResolver {

	/** Internal ranges that {@link InetAddress}'s own tests do not cover. */
	private static final List<IpAddressMatcher> INTERNAL = List.of(new IpAddressMatcher("100.64.0.0/10"),
			new IpAddressMatcher("0.0.0.0/8"), new IpAddressMatcher("192.0.0.0/24"), new IpAddressMatcher("198.18.0.0/15"),
			new IpAddressMatcher("240.0.0.0/4"), new IpAddressMatcher("fc00::/7"), new IpAddressMatcher("64:ff9b::/96"));

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
			throw ProblemException.invalid(field, "must be at most 2048 characters", "too_long");
		}
		URI uri;
		try {
			uri = new URI(url).parseServerAuthority();
		}
		catch (URISyntaxException ex) {
			throw ProblemException.invalid(field, "must be an absolute http or https URL", "invalid_url");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw ProblemException.invalid(field, "must be an absolute http or https URL", "invalid_url");
		}
		if (uri.getRawUserInfo() != null) {
			throw ProblemException.invalid(field, "must not contain credentials", "invalid_url");
		}
		if (uri.getRawFragment() != null) {
			throw ProblemException.invalid(field, "must not contain a fragment", "invalid_url");
		}
		try {
			resolve(uri.getHost());
		}
		catch (RefusedTargetException ex) {
			throw ProblemException.invalid(field, ex.getMessage(), "target_not_allowed");
		}
		catch (UnknownHostException ex) {
			throw ProblemException.invalid(field, "the host " + uri.getHost() + " does not resolve", "unknown_host");
		}
		return uri.toString();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
