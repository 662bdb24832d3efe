package io.petstore.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pet as every protocol shows it (the /v1 {@code Pet} schema, properties in this order). */
public record Pet(UUID id, String name, Species species, String breed, int ageMonths, PetSize size, String color,
		Gender gender, Boolean goodWithKids, String price, String currency, String description, PetStatus status,
		MedicalInfo medicalInfo, List<String> photos, UUID tenantId, Instant createdAt, Instant updatedAt) {
}
