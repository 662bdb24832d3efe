package io.petstore.classic.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.petstore.secrets.Resealable;
import io.petstore.secrets.SecretSeal;

/**
 * The readable copies of classic users' passwords ({@code classic_user.password_sealed}) sealed
 * again under the current key at start, so that the key they were sealed under can be dropped. A
 * copy that does not open (its key is not configured) is left as it is, with a warning: reading it
 * leaves the password out of the answer, as before.
 */
@Component
class SealedPasswords implements Resealable {

	private static final Logger log = LoggerFactory.getLogger(SealedPasswords.class);

	private final UserRepository users;

	SealedPasswords(UserRepository users) {
		this.users = users;
	}

	@Override
	public String sealedValues() {
		return "classic user passwords";
	}

	@Override
	public int reseal(SecretSeal seal) {
		int sealed = 0;
		int unreadable = 0;
		for (UserRepository.StoredSeal stored : users.sealedPasswordsNotBeginningWith(seal.currentPrefix())) {
			String purpose = UserService.purpose(stored.tenant(), stored.id());
			String plaintext;
			try {
				plaintext = seal.open(stored.sealed(), purpose);
			}
			catch (IllegalStateException cannotOpen) {
				unreadable++;
				continue;
			}
			if (users.replaceSealedPassword(stored, seal.seal(plaintext, purpose))) {
				sealed++;
			}
		}
		if (unreadable > 0) {
			log.warn("{} classic user password copies do not open with the configured keys (petstore.secrets.key and "
					+ "petstore.secrets.previous-keys); they stay as they are and are left out of GET /v2/user answers", unreadable);
		}
		return sealed;
	}

}
