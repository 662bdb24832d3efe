package io.petstore.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.petstore.v1.Money;
import io.petstore.v1.StrictJson;

/**
 * The body of create and replace. The read-only properties a client may echo back from a GET (id,
 * createdAt, updatedAt, tenantId) are accepted and ignored; currency defaults to USD and status to
 * AVAILABLE.
 */
@StrictJson
public record PetInput(
		UUID id,
		@NotBlank @Size(min = 1, max = 50) String name,
		@NotNull Species species,
		@Size(max = 100) String breed,
		@NotNull @PositiveOrZero @Max(1200) Integer ageMonths,
		PetSize size,
		@Size(max = 50) String color,
		Gender gender,
		Boolean goodWithKids,
		@NotNull @Pattern(regexp = Money.PATTERN, message = "must be a non-negative decimal string such as \"250.00\"") String price,
		@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
		@Size(max = 2000) String description,
		PetStatus status,
		@Valid MedicalInfo medicalInfo,
		@Size(max = 20) List<@NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String> photos,
		UUID tenantId,
		Instant createdAt,
		Instant updatedAt) {
}
