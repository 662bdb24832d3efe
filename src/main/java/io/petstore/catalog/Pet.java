package io.petstore.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A pet as every protocol shows it (the /v1 {@code Pet} schema, properties in this order); the price
 * is written as a decimal string ({@code "250.00"}).
 */
public record Pet(UUID id, String name, Species species, String breed, int ageMonths, PetSize size, String color,
		Gender gender, Boolean goodWithKids, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, String currency, String description, PetStatus status,
		MedicalInfo medicalInfo, List<String> photos, UUID tenantId, Instant createdAt, Instant updatedAt) {
}
