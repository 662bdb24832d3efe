package io.petstore.catalog;

import java.util.Set;

/**
 * What a list or search asks for; null or empty means "any". Sorted by {@code sortField}
 * ({@code ageMonths}, {@code price}, or null for creation order), then by id.
 */
public record PetFilter(Set<Species> species, Set<PetStatus> statuses, Integer ageMin, Integer ageMax, Set<PetSize> sizes,
		Boolean goodWithKids, Boolean vaccinated, Boolean spayedNeutered, Boolean specialNeeds, String sortField,
		boolean descending) {

}
