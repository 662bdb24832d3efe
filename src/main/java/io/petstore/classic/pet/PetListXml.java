package io.petstore.classic.pet;

import java.util.List;

import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The XML shape of a list of pets: {@code <pets><Pet>…</Pet></pets>}, as the reference writes. */
@JacksonXmlRootElement(localName = "pets")
record PetListXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Pet") List<Pet> pets) {
}
