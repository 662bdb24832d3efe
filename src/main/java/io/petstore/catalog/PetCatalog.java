package io.petstore.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.CallContext;
import io.petstore.auth.Scopes;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;
import io.petstore.v1.Money;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.DomainException;

import static io.petstore.persistence.Timestamps.now;

/**
 * The catalog's API, used by every protocol adapter and by the store. Status changes that orders
 * cause are single conditional updates, so of many concurrent orders for one pet exactly one wins.
 */
@Service
@Transactional
public class PetCatalog {

	static final String ENTITY = "PETS";

	private final PetRepository pets;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final boolean strictInventory;

	PetCatalog(PetRepository pets, AuditTrail audit, ApplicationEventPublisher events,
			@org.springframework.beans.factory.annotation.Value("${petstore.v1.strict-auth:false}") boolean strictInventory) {
		this.pets = pets;
		this.audit = audit;
		this.events = events;
		this.strictInventory = strictInventory;
	}

	/**
	 * The inventory's pet counts by status, for every protocol's inventory operation. Public by
	 * default; with {@code petstore.v1.strict-auth=true} it needs a valid token (UNAUTHORIZED), as
	 * the document declares.
	 */
	@Transactional(readOnly = true)
	public Map<PetStatus, Long> inventoryByStatus(CallContext call) {
		return countByStatus(inventoryTenant(call));
	}

	/** The inventory's pet counts by species (the same access rule as {@link #inventoryByStatus}). */
	@Transactional(readOnly = true)
	public Map<Species, Long> inventoryBySpecies(CallContext call) {
		return countBySpecies(inventoryTenant(call));
	}

	private Tenant inventoryTenant(CallContext call) {
		if (strictInventory && !call.authenticated()) {
			throw DomainException.unauthorized("This operation requires a bearer token (Authorization: Bearer <token>).");
		}
		return call.tenant();
	}

	@Transactional(readOnly = true)
	public PageResult<Pet> find(Tenant tenant, PetFilter filter, PageRequest page) {
		long total = pets.count(tenant, filter);
		List<Pet> data = total <= page.offset() ? List.of() : pets.find(tenant, filter, page.offset(), page.limit());
		return PageResult.of(data, page, total);
	}

	@Transactional(readOnly = true)
	public Pet get(Tenant tenant, UUID id) {
		return pets.find(tenant, id).orElseThrow(() -> DomainException.notFound("pet", id));
	}

	/** createPet: needs a token of the call's tenant with write:pets (a user's or a client's). */
	public Pet create(CallContext call, PetInput input) {
		Tenant tenant = call.require(Scopes.WRITE_PETS).tenant();
		Instant now = now();
		Pet pet = toPet(Ids.newId(), input, now, now);
		pets.insert(tenant, pet);
		Pet created = pets.find(tenant, pet.id()).orElseThrow();
		audit.record(tenant, "PET_CREATED", ENTITY, created.id(), null, created);
		return created;
	}

	/** updatePet (write:pets); a changed status is announced ({@link PetStatusChanged}). */
	public Pet replace(CallContext call, UUID id, PetInput input) {
		Tenant tenant = call.require(Scopes.WRITE_PETS).tenant();
		Pet existing = get(tenant, id);
		Pet pet = toPet(id, input, existing.createdAt(), now());
		if (input.photos() == null) {
			pet = withPhotos(pet, existing.photos());
		}
		pets.update(tenant, pet);
		Pet replaced = pets.find(tenant, id).orElseThrow();
		audit.record(tenant, "PET_UPDATED", ENTITY, id, existing, replaced);
		if (existing.status() != replaced.status()) {
			events.publishEvent(new PetStatusChanged(tenant, replaced, existing.status(), replaced.status()));
		}
		return replaced;
	}

	/** deletePet (write:pets). */
	public void delete(CallContext call, UUID id) {
		Tenant tenant = call.require(Scopes.WRITE_PETS).tenant();
		Pet existing = pets.find(tenant, id).orElse(null);
		if (existing == null || !pets.delete(tenant, id)) {
			throw DomainException.notFound("pet", id);
		}
		audit.record(tenant, "PET_DELETED", ENTITY, id, existing, null);
	}

	/** Appends a photo URL to the pet. */
	public void addPhoto(CallContext call, UUID id, String url) {
		Tenant tenant = call.require(Scopes.WRITE_PETS).tenant();
		if (!pets.addPhoto(tenant, id, url)) {
			throw DomainException.notFound("pet", id);
		}
		audit.record(tenant, "PET_PHOTO_ADDED", ENTITY, id, null, Map.of("photoUrl", url));
	}

	/**
	 * AVAILABLE → PENDING for a new order; 404 if there is no such pet, 409 if it is not available
	 * (another order holds it, it was adopted or withdrawn).
	 * @return the pet as reserved (its price is the order's amount)
	 */
	public Pet reserve(Tenant tenant, UUID id) {
		if (!pets.changeStatus(tenant, id, EnumSet.of(PetStatus.AVAILABLE), PetStatus.PENDING)) {
			Pet pet = pets.find(tenant, id).orElseThrow(() -> DomainException.notFound("pet", id));
			throw DomainException.conflict("The pet '" + id + "' is not available (status " + pet.status() + ").");
		}
		statusChanged(tenant, id, PetStatus.AVAILABLE, PetStatus.PENDING);
		return pets.find(tenant, id).orElseThrow();
	}

	/** PENDING or ADOPTED → AVAILABLE when the order holding the pet is cancelled; no-op otherwise. */
	public void release(Tenant tenant, UUID id) {
		PetStatus before = pets.findStatusForUpdate(tenant, id).orElse(null);
		if (before != null && pets.changeStatus(tenant, id, EnumSet.of(PetStatus.PENDING, PetStatus.ADOPTED), PetStatus.AVAILABLE)) {
			statusChanged(tenant, id, before, PetStatus.AVAILABLE);
		}
	}

	/** PENDING → ADOPTED when the order holding the pet is paid. */
	public void adopt(Tenant tenant, UUID id) {
		if (pets.changeStatus(tenant, id, EnumSet.of(PetStatus.PENDING), PetStatus.ADOPTED)) {
			statusChanged(tenant, id, PetStatus.PENDING, PetStatus.ADOPTED);
		}
	}

	private void statusChanged(Tenant tenant, UUID id, PetStatus from, PetStatus to) {
		audit.record(tenant, "PET_STATUS_CHANGED", ENTITY, id, Map.of("status", from), Map.of("status", to));
		pets.find(tenant, id).ifPresent(pet -> events.publishEvent(new PetStatusChanged(tenant, pet, from, to)));
	}

	/** Pets per status and species (every status and species present, 0 when none). */
	@Transactional(readOnly = true)
	public Map<PetStatus, Map<Species, Long>> countByStatusAndSpecies(Tenant tenant) {
		return pets.countByStatusAndSpecies(tenant);
	}

	@Transactional(readOnly = true)
	public Map<PetStatus, Long> countByStatus(Tenant tenant) {
		return pets.countByStatus(tenant);
	}

	@Transactional(readOnly = true)
	public Map<Species, Long> countBySpecies(Tenant tenant) {
		return pets.countBySpecies(tenant);
	}

	private static Pet toPet(UUID id, PetInput in, Instant createdAt, Instant updatedAt) {
		return new Pet(id, in.name().strip(), in.species(), in.breed(), in.ageMonths(), in.size(), in.color(), in.gender(),
				in.goodWithKids(), Money.parse("price", in.price()),
				in.currency() == null ? "USD" : in.currency(), in.description(),
				in.status() == null ? PetStatus.AVAILABLE : in.status(), in.medicalInfo(),
				in.photos() == null ? List.of() : List.copyOf(in.photos()), null, createdAt, updatedAt);
	}

	private static Pet withPhotos(Pet p, List<String> photos) {
		return new Pet(p.id(), p.name(), p.species(), p.breed(), p.ageMonths(), p.size(), p.color(), p.gender(),
				p.goodWithKids(), p.price(), p.currency(), p.description(), p.status(), p.medicalInfo(), photos, p.tenantId(),
				p.createdAt(), p.updatedAt());
	}


	/** The pets with these ids, by id, in one query (a batch of a GraphQL list, say); unknown ids are absent. */
	@Transactional(readOnly = true)
	public Map<UUID, Pet> getAll(Tenant tenant, java.util.Collection<UUID> ids) {
		Map<UUID, Pet> found = new java.util.LinkedHashMap<>();
		for (Pet pet : pets.findAll(tenant, new java.util.LinkedHashSet<>(ids))) {
			found.put(pet.id(), pet);
		}
		return found;
	}

}
