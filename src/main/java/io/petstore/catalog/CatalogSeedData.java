package io.petstore.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.TenantSeedRequested;

/**
 * The pets every new tenant (and the shared pool) starts with. Their ids are fixed, so tutorials
 * and test suites can name them ({@code GET /v1/pets/019b4132-70aa-764f-b315-e2803d882a24}).
 */
@Component
class CatalogSeedData {

	private static final Instant SEEDED = Instant.parse("2026-01-15T09:00:00Z");

	static final List<PetInput> PETS = List.of(
			pet("019b4132-70aa-764f-b315-e2803d882a24", "Max", Species.DOG, "Golden Retriever", 24, PetSize.LARGE, "Golden",
					Gender.MALE, true, "250.00", PetStatus.AVAILABLE, new MedicalInfo(true, true, true, false, "Up to date on all vaccinations")),
			pet("019b4132-70aa-764f-b315-e2803d882a25", "Luna", Species.CAT, "Siamese", 12, PetSize.SMALL, "Cream",
					Gender.FEMALE, true, "120.00", PetStatus.AVAILABLE, new MedicalInfo(true, true, false, false, null)),
			pet("019b4132-70aa-764f-b315-e2803d882a26", "Bella", Species.DOG, "Beagle", 36, PetSize.MEDIUM, "Tricolor",
					Gender.FEMALE, true, "180.00", PetStatus.AVAILABLE, new MedicalInfo(true, true, true, false, null)),
			pet("019b4132-70aa-764f-b315-e2803d882a27", "Thumper", Species.RABBIT, "Holland Lop", 8, PetSize.SMALL, "Brown",
					Gender.MALE, true, "60.00", PetStatus.AVAILABLE, null),
			pet("019b4132-70aa-764f-b315-e2803d882a28", "Kiwi", Species.BIRD, "Budgerigar", 6, PetSize.SMALL, "Green",
					Gender.UNKNOWN, true, "35.00", PetStatus.AVAILABLE, null),
			pet("019b4132-70aa-764f-b315-e2803d882a29", "Spike", Species.REPTILE, "Bearded Dragon", 18, PetSize.SMALL, "Tan",
					Gender.MALE, false, "90.00", PetStatus.AVAILABLE, null),
			pet("019b4132-70aa-764f-b315-e2803d882a2a", "Rocky", Species.DOG, "German Shepherd", 60, PetSize.LARGE, "Black and tan",
					Gender.MALE, false, "200.00", PetStatus.AVAILABLE, new MedicalInfo(true, true, true, true, "Hip dysplasia, on medication")),
			pet("019b4132-70aa-764f-b315-e2803d882a2b", "Milo", Species.CAT, "Maine Coon", 30, PetSize.LARGE, "Tabby",
					Gender.MALE, true, "150.00", PetStatus.PENDING, new MedicalInfo(true, false, true, false, null)),
			pet("019b4132-70aa-764f-b315-e2803d882a2c", "Daisy", Species.DOG, "Labrador Retriever", 84, PetSize.LARGE, "Yellow",
					Gender.FEMALE, true, "100.00", PetStatus.ADOPTED, new MedicalInfo(true, true, true, false, null)),
			pet("019b4132-70aa-764f-b315-e2803d882a2d", "Shadow", Species.CAT, "Bombay", 48, PetSize.MEDIUM, "Black",
					Gender.FEMALE, false, "80.00", PetStatus.NOT_AVAILABLE, new MedicalInfo(false, false, false, true, "Recovering from surgery")),
			pet("019b4132-70aa-764f-b315-e2803d882a2e", "Nibbles", Species.OTHER, "Guinea Pig", 10, PetSize.SMALL, "White",
					Gender.FEMALE, true, "30.00", PetStatus.AVAILABLE, null),
			pet("019b4132-70aa-764f-b315-e2803d882a2f", "Coco", Species.DOG, "Poodle", 4, PetSize.SMALL, "Apricot",
					Gender.FEMALE, true, "300.00", PetStatus.AVAILABLE, new MedicalInfo(true, false, true, false, "First vaccinations done")));

	private final PetRepository pets;

	private final PetImageRepository images;

	CatalogSeedData(PetRepository pets, PetImageRepository images) {
		this.pets = pets;
		this.images = images;
	}

	@EventListener
	void seed(TenantSeedRequested event) {
		if (event.reset()) {
			images.deleteAll(event.tenant());
			pets.deleteAll(event.tenant());
		}
		for (PetInput in : PETS) {
			pets.insert(event.tenant(), new Pet(in.id(), in.name(), in.species(), in.breed(), in.ageMonths(), in.size(),
					in.color(), in.gender(), in.goodWithKids(), io.petstore.v1.Money.parse("price", in.price()), "USD", in.description(), in.status(),
					in.medicalInfo(), List.of(), null, SEEDED, SEEDED));
		}
	}

	private static PetInput pet(String id, String name, Species species, String breed, int ageMonths, PetSize size,
			String color, Gender gender, boolean goodWithKids, String price, PetStatus status, MedicalInfo medical) {
		return new PetInput(UUID.fromString(id), name, species, breed, ageMonths, size, color, gender, goodWithKids, price,
				"USD", "A " + breed.toLowerCase() + " looking for a home.", status, medical, List.of(), null, null, null);
	}

}
