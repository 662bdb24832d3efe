package io.petstore.catalog;

import jakarta.validation.constraints.Size;

import io.petstore.v1.StrictJson;

@StrictJson
public record MedicalInfo(Boolean vaccinated, Boolean spayedNeutered, Boolean microchipped, Boolean specialNeeds,
		@Size(max = 1000) String healthNotes) {
}
