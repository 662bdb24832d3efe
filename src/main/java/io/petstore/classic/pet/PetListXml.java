package io.petstore.classic.pet;

import java.util.List;

import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

/** The XML shape of a list of pets: {@code <pets><Pet>…</Pet></pets>}, as the reference writes. */
@JacksonXmlRootElement(localName = "pets")
record PetListXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Pet") List<Pet> pets) {

	/** The list as the reference writes it; an empty one is {@code <pets></pets>}, not {@code <pets/>}. */
	static Object of(List<Pet> pets) {
		return pets.isEmpty() ? new Empty("") : new PetListXml(pets);
	}

	/** An empty text closes the start tag, so the element is written open and closed. */
	@JacksonXmlRootElement(localName = "pets")
	record Empty(@JacksonXmlText String text) {
	}

}
