package io.petstore.auth;

import java.util.List;

/** The OAuth2 scopes the Modern API declares. */
public final class Scopes {

	public static final String READ_PETS = "read:pets";

	public static final String WRITE_PETS = "write:pets";

	public static final String READ_ORDERS = "read:orders";

	public static final String WRITE_ORDERS = "write:orders";

	public static final String READ_USER = "read:user";

	public static final String WRITE_USER = "write:user";

	public static final String CHAT_WRITE = "chat:write";

	/** Every scope, in the order the document lists them; what a user's own login grants. */
	public static final List<String> ALL = List.of(READ_PETS, WRITE_PETS, READ_ORDERS, WRITE_ORDERS, READ_USER, WRITE_USER,
			CHAT_WRITE);

	private Scopes() {
	}

}
