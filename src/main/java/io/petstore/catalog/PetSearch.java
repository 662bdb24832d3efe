package io.petstore.catalog;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import io.petstore.v1.StrictJson;

/** The body of the advanced search ({@code QUERY /v1/pets}, {@code QUERY|POST /v1/pets/search}). */
@StrictJson
record PetSearch(@Valid Criteria criteria, @Valid Sort sort, @Valid Paging pagination) {

	@StrictJson
	record Criteria(Set<Species> species, Set<PetStatus> status, @Valid AgeRange ageRange, Set<PetSize> size,
			@Valid Compatibility compatibility, @Valid Medical medical) {
	}

	@StrictJson
	record AgeRange(@PositiveOrZero Integer min, @PositiveOrZero Integer max) {
	}

	@StrictJson
	record Compatibility(Boolean goodWithKids) {
	}

	@StrictJson
	record Medical(Boolean vaccinated, Boolean spayedNeutered, Boolean specialNeeds) {
	}

	enum SortField {
		ageMonths, price
	}

	enum SortOrder {
		ASC, DESC
	}

	@StrictJson
	record Sort(SortField field, SortOrder order) {
	}

	@StrictJson
	record Paging(@Min(1) Integer page, @Min(1) @Max(100) Integer limit) {
	}

}
