package io.petstore.classic.user;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of a successful login as the document declares it: a string. Written as a JSON string
 * ({@code "logged in user session:..."}), which every generated client can read into its
 * {@code String} return type; in XML as {@code <string>...</string>}.
 */
@JacksonXmlRootElement(localName = "string")
record SessionMessage(@JsonValue String message) {
}
