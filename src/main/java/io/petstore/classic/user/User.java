package io.petstore.classic.user;

import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A classic user: JSON keys {@code id, username, firstName, lastName, email, password, phone,
 * userStatus}. The password is accepted on input and checked against a hash; reference mode writes
 * it back as sent (from a sealed copy), strict mode never does.
 */
@JacksonXmlRootElement(localName = "User")
public record User(Long id, String username, String firstName, String lastName, String email, String password,
		String phone, int userStatus) {

	boolean hasId() {
		return id != null && id > 0;
	}

	User withId(long newId) {
		return new User(newId, username, firstName, lastName, email, password, phone, userStatus);
	}

	/** The user as written to clients: without the password. */
	User withoutPassword() {
		return new User(id, username, firstName, lastName, email, null, phone, userStatus);
	}

}
