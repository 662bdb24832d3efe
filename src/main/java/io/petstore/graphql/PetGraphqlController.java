package io.petstore.graphql;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import io.petstore.auth.CallContext;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetFilter;
import io.petstore.catalog.PetInput;
import io.petstore.catalog.PetSize;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.PetStatusChanged;
import io.petstore.catalog.Species;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.v1.DomainException;
import io.petstore.v1.PageResult;

/**
 * Pets: the queries {@code pets}, {@code pet}, {@code searchPets}, {@code inventory}; the mutations
 * {@code createPet}, {@code updatePet}, {@code deletePet}; the subscription {@code petStatusChanged}.
 * As {@code catalog.PetController} and {@code store.InventoryController} (REST).
 */
@Controller
class PetGraphqlController {

	record PetFilterInput(List<Species> species, List<PetStatus> status, Integer ageMin, Integer ageMax, List<PetSize> size,
			Boolean goodWithKids) {
	}

	record AgeRange(Integer min, Integer max) {
	}

	record MedicalCriteria(Boolean vaccinated, Boolean spayedNeutered, Boolean specialNeeds) {
	}

	record PetSearchCriteria(List<Species> species, List<PetStatus> status, List<PetSize> size, AgeRange ageRange,
			Boolean goodWithKids, MedicalCriteria medical) {
	}

	record PetSort(String field, String order) {
	}

	record SpeciesCount(Species species, long count) {
	}

	record Inventory(long available, long pending, long adopted, long notAvailable, long total, List<SpeciesCount> bySpecies) {
	}

	record PetStatusChange(Pet pet, PetStatus previousStatus, PetStatus status, Instant changedAt) {
	}

	private final PetCatalog catalog;

	private final LiveEvents live;

	private final GraphqlCalls calls;

	PetGraphqlController(PetCatalog catalog, LiveEvents live, GraphqlCalls calls) {
		this.catalog = catalog;
		this.live = live;
		this.calls = calls;
	}

	@QueryMapping
	PageResult<Pet> pets(@Argument PetFilterInput filter, @Argument Integer page, @Argument Integer limit, GraphQLContext context) {
		PetFilterInput f = filter == null ? new PetFilterInput(null, null, null, null, null, null) : filter;
		nonNegative("ageMin", f.ageMin());
		nonNegative("ageMax", f.ageMax());
		PetFilter query = new PetFilter(set(f.species()), statuses(f.status()), f.ageMin(), f.ageMax(), set(f.size()),
				f.goodWithKids(), null, null, null, null, false);
		return GraphqlCalls.run(context, call -> catalog.find(call.tenant(), query, GraphqlCalls.page(page, limit)));
	}

	@QueryMapping
	Pet pet(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			try {
				return catalog.get(call.tenant(), id);
			}
			catch (DomainException ex) {
				if (ex.kind() == DomainException.Kind.NOT_FOUND) {
					return null;
				}
				throw ex;
			}
		});
	}

	@QueryMapping
	PageResult<Pet> searchPets(@Argument PetSearchCriteria criteria, @Argument PetSort sort, @Argument Integer page,
			@Argument Integer limit, GraphQLContext context) {
		PetSearchCriteria c = criteria == null ? new PetSearchCriteria(null, null, null, null, null, null) : criteria;
		if (c.ageRange() != null) {
			nonNegative("criteria.ageRange.min", c.ageRange().min());
			nonNegative("criteria.ageRange.max", c.ageRange().max());
		}
		PetFilter query = new PetFilter(set(c.species()), statuses(c.status()), c.ageRange() == null ? null : c.ageRange().min(),
				c.ageRange() == null ? null : c.ageRange().max(), set(c.size()), c.goodWithKids(),
				c.medical() == null ? null : c.medical().vaccinated(), c.medical() == null ? null : c.medical().spayedNeutered(),
				c.medical() == null ? null : c.medical().specialNeeds(), sort == null ? null : sort.field(),
				sort != null && "DESC".equals(sort.order()));
		return GraphqlCalls.run(context, call -> catalog.find(call.tenant(), query, GraphqlCalls.page(page, limit)));
	}

	@QueryMapping
	Inventory inventory(GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Map<PetStatus, Long> counts = catalog.inventoryByStatus(call);
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			List<SpeciesCount> bySpecies = catalog.inventoryBySpecies(call).entrySet().stream()
				.map(entry -> new SpeciesCount(entry.getKey(), entry.getValue()))
				.toList();
			return new Inventory(counts.get(PetStatus.AVAILABLE), counts.get(PetStatus.PENDING), counts.get(PetStatus.ADOPTED),
					counts.get(PetStatus.NOT_AVAILABLE), total, bySpecies);
		});
	}

	@MutationMapping
	Pet createPet(@Argument PetInput input, GraphQLContext context) {
		CallContext call = GraphqlCalls.call(context);
		PetInput valid = calls.valid(input);
		return GraphqlCalls.run(context, c -> catalog.create(call, valid));
	}

	@MutationMapping
	Pet updatePet(@Argument UUID id, @Argument PetInput input, GraphQLContext context) {
		PetInput valid = calls.valid(input);
		return GraphqlCalls.run(context, call -> catalog.replace(call, id, valid));
	}

	@MutationMapping
	boolean deletePet(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			catalog.delete(call, id);
			return true;
		});
	}

	/** Public: every status change of the tenant's pets (or of one pet). */
	@SubscriptionMapping
	Flux<PetStatusChange> petStatusChanged(@Argument UUID petId, GraphQLContext context) {
		CallContext call = GraphqlCalls.call(context);
		return live.events()
			.filter(event -> LiveEvent.PET_STATUS.equals(event.topic()) && event.visibleTo(call.tenant(), call.userId()))
			.map(event -> (PetStatusChanged) event.payload())
			.filter(changed -> petId == null || petId.equals(changed.pet().id()))
			.map(changed -> new PetStatusChange(changed.pet(), changed.from(), changed.to(), changed.pet().updatedAt()));
	}

	private static void nonNegative(String name, Integer value) {
		if (value != null && value < 0) {
			throw DomainException.badRequest("Invalid value for argument '" + name + "': must be 0 or more.");
		}
	}

	private static Set<PetStatus> statuses(List<PetStatus> requested) {
		return requested == null || requested.isEmpty() ? EnumSet.of(PetStatus.AVAILABLE) : new LinkedHashSet<>(requested);
	}

	private static <E> Set<E> set(List<E> values) {
		return values == null || values.isEmpty() ? null : new LinkedHashSet<>(values);
	}

}
