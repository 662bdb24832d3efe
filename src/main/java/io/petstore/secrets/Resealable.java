package io.petstore.secrets;

/**
 * A module's sealed values, which it seals again under the current key-encryption key: every value
 * of its own table that is in the clear (written before sealing existed) or sealed under a previous
 * key ({@link SecretSeal#needsSealing}). Each module implements this as a bean for its own tables;
 * {@link Resealing} calls them all once at start, so that after a start with a new key (and the old
 * one in {@code petstore.secrets.previous-keys}) the old key can go.
 *
 * <p>Several instances may do this at once: an implementation updates a row only while it still
 * holds the value it read ({@code UPDATE ... WHERE id = ? AND column = ?}), so a value is never
 * overwritten with a stale one, and a second pass finds nothing to do.
 */
public interface Resealable {

	/** What the values are, for the log ("webhook secrets"). */
	String sealedValues();

	/**
	 * Seals again, under {@code seal}'s current key, every value that {@link SecretSeal#needsSealing needs it}.
	 *
	 * @return how many values this call sealed (rows another instance changed meanwhile are not counted)
	 */
	int reseal(SecretSeal seal);

}
