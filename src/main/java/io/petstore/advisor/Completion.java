package io.petstore.advisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A completion being produced, piece by piece: the offline answer (made at once, handed out a word
 * at a time) or an upstream stream. The pieces joined are {@link #finish()}'s text.
 */
interface Completion extends AutoCloseable {

	/** The next piece of text, null at the end. */
	String next() throws IOException;

	/** After {@link #next()} answered null: the whole answer, its finish reason and usage. */
	Answer finish();

	@Override
	void close();

	/** Every piece, joined. */
	default Answer collect() throws IOException {
		try (this) {
			while (next() != null) {
				// the answer is assembled by finish()
			}
			return finish();
		}
	}

	/** A finished answer, handed out word by word (each piece: whitespace, then a run of non-whitespace). */
	static Completion of(Answer answer) {
		List<String> pieces = words(answer.text());
		return new Completion() {

			private int next;

			@Override
			public String next() {
				return next < pieces.size() ? pieces.get(next++) : null;
			}

			@Override
			public Answer finish() {
				return answer;
			}

			@Override
			public void close() {
			}
		};
	}

	static List<String> words(String text) {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			pieces.add(text.substring(start, i));
			start = i;
		}
		return pieces;
	}

}
