package io.petstore.catalog;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.CallContext;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.DomainException;

/**
 * {@code /v1/pets}: listPets, createPet, searchPets (QUERY, or POST to /v1/pets/search), getPet,
 * updatePet, deletePet. Writes need write:pets, checked by {@link PetCatalog} for every protocol.
 */
@RestController
@RequestMapping(path = "/v1/pets", produces = MediaType.APPLICATION_JSON_VALUE)
class PetController {

	private final PetCatalog catalog;

	PetController(PetCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	PageResult<Pet> listPets(Tenant tenant, @RequestParam(required = false) String species,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer ageMin,
			@RequestParam(required = false) Integer ageMax, @RequestParam(required = false) String size,
			@RequestParam(required = false) Boolean goodWithKids, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		nonNegative("ageMin", ageMin);
		nonNegative("ageMax", ageMax);
		PetFilter filter = new PetFilter(values("species", species, Species.class),
				status == null ? EnumSet.of(PetStatus.AVAILABLE) : values("status", status, PetStatus.class), ageMin, ageMax,
				values("size", size, PetSize.class), goodWithKids, null, null, null, null, false);
		return catalog.find(tenant, filter, PageRequest.of(page, limit));
	}

	@PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	PageResult<Pet> searchPets(Tenant tenant, @Valid @RequestBody(required = false) PetSearch search) {
		PetSearch.Criteria c = search == null || search.criteria() == null
				? new PetSearch.Criteria(null, null, null, null, null, null) : search.criteria();
		PetSearch.Sort sort = search == null ? null : search.sort();
		PetSearch.Paging paging = search == null ? null : search.pagination();
		Set<PetStatus> statuses = c.status() == null || c.status().isEmpty() ? EnumSet.of(PetStatus.AVAILABLE) : c.status();
		PetFilter filter = new PetFilter(c.species(), statuses, c.ageRange() == null ? null : c.ageRange().min(),
				c.ageRange() == null ? null : c.ageRange().max(), c.size(),
				c.compatibility() == null ? null : c.compatibility().goodWithKids(),
				c.medical() == null ? null : c.medical().vaccinated(), c.medical() == null ? null : c.medical().spayedNeutered(),
				c.medical() == null ? null : c.medical().specialNeeds(),
				sort == null || sort.field() == null ? null : sort.field().name(),
				sort != null && sort.order() == PetSearch.SortOrder.DESC);
		return catalog.find(tenant, filter, PageRequest.of(paging == null ? null : paging.page(), paging == null ? null : paging.limit()));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Pet> createPet(CallContext call, @Valid @RequestBody PetInput input) {
		Pet pet = catalog.create(call, input);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(pet.id()).toUri();
		return ResponseEntity.created(location).body(pet);
	}

	@GetMapping("/{id}")
	Pet getPet(Tenant tenant, @PathVariable String id) {
		return catalog.get(tenant, Ids.parse(id, "id"));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Pet updatePet(CallContext call, @PathVariable String id, @Valid @RequestBody PetInput input) {
		UUID petId = Ids.parse(id, "id");
		if (input.id() != null && !input.id().equals(petId)) {
			throw DomainException.invalid("id", "does not match the id in the path", "mismatch");
		}
		return catalog.replace(call, petId, input);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deletePet(CallContext call, @PathVariable String id) {
		catalog.delete(call, Ids.parse(id, "id"));
	}

	private static void nonNegative(String name, Integer value) {
		if (value != null && value < 0) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "': must be 0 or more.");
		}
	}

	/** {@code ?status=AVAILABLE,PENDING}: comma-separated enum values; anything else is a 400. */
	static <E extends Enum<E>> Set<E> values(String parameter, String raw, Class<E> type) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		Set<E> values = new LinkedHashSet<>();
		for (String part : raw.split(",")) {
			try {
				values.add(Enum.valueOf(type, part.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.badRequest("Invalid value for parameter '" + parameter + "'. Must be one of: "
						+ String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList()) + ".");
			}
		}
		return values;
	}

}
