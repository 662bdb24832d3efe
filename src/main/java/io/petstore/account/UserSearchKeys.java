package io.petstore.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The substring index of usernames and emails ({@code account_user_search}): the admin user search
 * ({@code q}, any part of the username or email) reads the users whose keys have a suffix starting
 * with {@code q} instead of testing every user of the tenant with {@code LIKE '%q%'}. Each suffix
 * of at least {@value #MIN_LENGTH} characters is stored as the UTF-8 bytes of its first
 * {@value #MAX_LENGTH} characters (binary, so that every database orders it byte by byte, whatever
 * its collation); a longer {@code q} finds its candidates by its first {@value #MAX_LENGTH}
 * characters, and the {@code LIKE} on the user row stays the exact test. Public for the V14
 * migration, which indexes the users that existed before it.
 */
public final class UserSearchKeys {

	/** Shorter searches read every user of the tenant (their matches are most users anyway). */
	public static final int MIN_LENGTH = 3;

	public static final int MAX_LENGTH = 16;

	private UserSearchKeys() {
	}

	/** The distinct index entries of these keys (lower-case username and email). */
	public static Set<ByteKey> suffixes(String... keys) {
		Set<ByteKey> suffixes = new LinkedHashSet<>();
		for (String key : keys) {
			if (key == null) {
				continue;
			}
			int[] points = key.codePoints().toArray();
			for (int i = 0; i + MIN_LENGTH <= points.length; i++) {
				int end = Math.min(points.length, i + MAX_LENGTH);
				suffixes.add(new ByteKey(new String(points, i, end - i).getBytes(StandardCharsets.UTF_8)));
			}
		}
		return suffixes;
	}

	/**
	 * The range {@code [low, high)} of index entries that start with the search (lower-cased), or
	 * null when it is too short for the index.
	 */
	static byte[][] range(String search) {
		int[] points = search.codePoints().toArray();
		if (points.length < MIN_LENGTH) {
			return null;
		}
		byte[] low = new String(points, 0, Math.min(points.length, MAX_LENGTH)).getBytes(StandardCharsets.UTF_8);
		// 0xFF never occurs in UTF-8: every entry starting with low sorts below low + 0xFF
		byte[] high = Arrays.copyOf(low, low.length + 1);
		high[low.length] = (byte) 0xFF;
		return new byte[][] { low, high };
	}

	/** Bytes with value equality (for sets of entries). */
	public record ByteKey(byte[] bytes) {

		@Override
		public boolean equals(Object other) {
			return other instanceof ByteKey key && Arrays.equals(bytes, key.bytes);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(bytes);
		}

		@Override
		public String toString() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

}
