package io.petstore.advisor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advisor's token rule, for {@code usage} and {@code maxTokens}: a token is a maximal run of
 * letters and digits ({@code \p{L}}, {@code \p{N}}), or any other single character that is not
 * whitespace (punctuation, a symbol, an emoji's code point). Whitespace is not counted.
 * "Max (id 019b…) costs 250.00 USD." is 12 tokens: {@code Max ( id 019b … ) costs 250 . 00 USD .}
 */
final class Tokens {

	static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]");

	private Tokens() {
	}

	static int count(String text) {
		if (text == null || text.isEmpty()) {
			return 0;
		}
		Matcher m = TOKEN.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	/**
	 * The longest prefix of {@code text} with at most {@code max} tokens, ending at the end of its
	 * last token (no trailing whitespace).
	 */
	static String truncate(String text, int max) {
		if (max <= 0 || text == null) {
			return "";
		}
		Matcher m = TOKEN.matcher(text);
		int n = 0;
		int end = 0;
		while (m.find()) {
			if (++n > max) {
				return text.substring(0, end);
			}
			end = m.end();
		}
		return text;
	}

}
