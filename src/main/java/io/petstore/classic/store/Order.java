package io.petstore.classic.store;

import java.time.OffsetDateTime;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.petstore.classic.ClassicDateTime;

/**
 * A classic order: JSON keys {@code id, petId, quantity, shipDate, status, complete}. An id that is
 * missing, 0 or negative means "assign a new id"; {@code petId} need not name an existing pet. The
 * status is any string, stored as sent (strict mode refuses values outside {@link OrderStatus}).
 */
@JacksonXmlRootElement(localName = "Order")
public record Order(
		Long id,
		long petId,
		int quantity,
		@JsonSerialize(using = ClassicDateTime.Serializer.class)
		@JsonDeserialize(using = ClassicDateTime.Deserializer.class)
		OffsetDateTime shipDate,
		String status,
		boolean complete) {

	boolean hasId() {
		return id != null && id > 0;
	}

	Order withId(long newId) {
		return new Order(newId, petId, quantity, shipDate, status, complete);
	}

}
