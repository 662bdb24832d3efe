package io.petstore.classic.pet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.classic.IdAssigningSaver;
import io.petstore.tenancy.Tenant;

/** The classic pet rules: upsert by id, fresh ids for id-less pets, tags and photos kept as sent. */
@Service
public class PetService {

	static final String ENTITY = "CLASSIC_PETS";

	/**
	 * The data set of {@code persistence.ReadCache} that every write of a tenant's classic pets moves
	 * on (the pets, their tags and photos; the inventory counts them).
	 */
	public static final String DATA = "classic_pet";

	private final PetRepository pets;

	private final PetImageRepository images;

	private final IdAssigningSaver saver;

	private final AuditTrail audit;

	PetService(PetRepository pets, PetImageRepository images, IdAssigningSaver saver, AuditTrail audit) {
		this.pets = pets;
		this.images = images;
		this.saver = saver;
		this.audit = audit;
	}

	public Optional<Pet> find(Tenant tenant, long id) {
		return pets.find(tenant, id);
	}

	public List<Pet> findByStatus(Tenant tenant, Collection<String> statuses) {
		return statuses.isEmpty() ? List.of() : pets.findByStatus(tenant, statuses);
	}

	public List<Pet> findByTags(Tenant tenant, Collection<String> tags) {
		return tags.isEmpty() ? List.of() : pets.findByTags(tenant, tags);
	}

	/** Pets per status, for the store's inventory. */
	public Map<String, Long> countByStatus(Tenant tenant) {
		return pets.countByStatus(tenant);
	}

	/**
	 * Stores the pet: replaces the pet with its id in full, or creates it; a pet without a positive
	 * id gets a new one (see {@link IdAssigningSaver}).
	 */
	public Pet save(Tenant tenant, Pet pet) {
		return saver.save(pet, pet.hasId(), new IdAssigningSaver.Store<>("classic_pet", tenant, item -> {
			Pet before = pets.findForUpdate(tenant, item.id()).orElse(null);
			pets.upsert(tenant, item);
			audit.record(tenant, before == null ? "PET_CREATED" : "PET_UPDATED", ENTITY, item.id(), before, item);
			return item;
		}, (item, id) -> {
			Pet withId = item.withId(id);
			pets.insert(tenant, withId);
			audit.record(tenant, "PET_CREATED", ENTITY, id, null, withId);
			return withId;
		}));
	}

	/** Changes name and/or status (a null leaves the value as it is); false when there is no such pet. */
	@Transactional
	public boolean updateNameAndStatus(Tenant tenant, long id, String name, String status) {
		Pet before = pets.findForUpdate(tenant, id).orElse(null);
		if (before == null || !pets.updateNameAndStatus(tenant, id, name, status)) {
			return false;
		}
		audit.record(tenant, "PET_UPDATED", ENTITY, id, before, pets.find(tenant, id).orElse(null));
		return true;
	}

	/** Deletes the pet and its uploaded images; false when there is no such pet. */
	@Transactional
	public boolean delete(Tenant tenant, long id) {
		Pet before = pets.findForUpdate(tenant, id).orElse(null);
		images.deleteByPet(tenant, id);
		if (before == null || !pets.delete(tenant, id)) {
			return false;
		}
		audit.record(tenant, "PET_DELETED", ENTITY, id, before, null);
		return true;
	}

	/**
	 * Stores an uploaded file and, when the pet exists, appends the file's URL to its
	 * {@code photoUrls}. As in the reference, an upload for an unknown pet id is still accepted.
	 * @param urlOf builds the public URL from the new image's id
	 * @return the stored file's URL
	 */
	@Transactional
	public String storeImage(Tenant tenant, long petId, String fileName, String contentType, byte[] content,
			Function<UUID, String> urlOf) {
		UUID imageId = UUID.randomUUID();
		images.insert(tenant, new PetImage(imageId, petId, fileName, contentType, content));
		String url = urlOf.apply(imageId);
		audit.record(tenant, "PET_IMAGE_UPLOADED", ENTITY, petId, null,
				java.util.Map.of("imageUrl", url, "fileName", fileName == null ? "" : fileName, "size", content.length));
		pets.findForUpdate(tenant, petId).ifPresent(pet -> {
			List<String> urls = new ArrayList<>(pet.photoUrls());
			urls.add(url);
			pets.updatePhotoUrls(tenant, petId, urls);
		});
		return url;
	}

	/** An uploaded image by its id; ids are random UUIDs, so the URL itself is the capability. */
	Optional<PetImage> image(UUID id, long petId) {
		return images.find(id, petId);
	}

	/** Replaces all of the tenant's pets with the given ones (seed data). */
	@Transactional
	public void replaceAll(Tenant tenant, List<Pet> seed) {
		images.deleteAll(tenant);
		pets.deleteAll(tenant);
		for (Pet pet : seed) {
			pets.upsert(tenant, pet);
		}
	}

}
