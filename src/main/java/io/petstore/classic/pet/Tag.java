package io.petstore.classic.pet;

import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** Stored per pet exactly as sent; {@code id} is 0 when not given, as in the reference. */
@JacksonXmlRootElement(localName = "Tag")
public record Tag(long id, String name) {
}
