package io.petstore.classic.pet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.persistence.ReadCache;
import io.petstore.tenancy.Tenant;

/** SQL for {@code classic_pet} and {@code classic_pet_tag}. Callers hold the transaction. */
@Repository
class PetRepository {

	private static final String COLUMNS = "id, name, status, category_json, photo_urls_json, tags_json";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ReadCache cache;

	PetRepository(JdbcClient jdbc, JsonMapper json, ReadCache cache) {
		this.jdbc = jdbc;
		this.json = json;
		this.cache = cache;
	}

	/** After each write: answers computed from the tenant's pets before it are no longer served. */
	private void changed(Tenant tenant) {
		cache.changed(PetService.DATA, tenant.id());
	}

	Optional<Pet> find(Tenant tenant, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_pet WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	List<Pet> findByStatus(Tenant tenant, Collection<String> statuses) {
		List<String> wire = List.copyOf(statuses);
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_pet WHERE tenant_id = :tenant AND status IN (:statuses) ORDER BY id")
			.param("tenant", tenant.id())
			.param("statuses", wire)
			.query(this::map)
			.list();
	}

	/** Each pet once, however many of the tags it carries. */
	List<Pet> findByTags(Tenant tenant, Collection<String> tags) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_pet p WHERE p.tenant_id = :tenant AND p.id IN "
				+ "(SELECT t.pet_id FROM classic_pet_tag t WHERE t.tenant_id = :tenant AND t.name IN (:tags)) ORDER BY p.id")
			.param("tenant", tenant.id())
			.param("tags", tags)
			.query(this::map)
			.list();
	}

	Map<String, Long> countByStatus(Tenant tenant) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM classic_pet WHERE tenant_id = ? AND status IS NOT NULL AND status <> '' GROUP BY status ORDER BY status")
			.param(tenant.id())
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** Replaces the pet with this id, or inserts it; returns false when the id is taken concurrently. */
	void upsert(Tenant tenant, Pet pet) {
		int updated = jdbc.sql("UPDATE classic_pet SET name = ?, status = ?, category_json = ?, photo_urls_json = ?, tags_json = ? "
				+ "WHERE tenant_id = ? AND id = ?")
			.params(pet.name(), status(pet), write(pet.category()), write(pet.photoUrls()), write(pet.tags()), tenant.id(), pet.id())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO classic_pet (tenant_id, id, name, status, category_json, photo_urls_json, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(tenant.id(), pet.id(), pet.name(), status(pet), write(pet.category()), write(pet.photoUrls()), write(pet.tags()))
				.update();
		}
		replaceTags(tenant, pet.id(), pet.tags());
		changed(tenant);
	}

	/** Inserts a pet that has no row yet (a duplicate key if the id is taken). */
	void insert(Tenant tenant, Pet pet) {
		jdbc.sql("INSERT INTO classic_pet (tenant_id, id, name, status, category_json, photo_urls_json, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), pet.id(), pet.name(), status(pet), write(pet.category()), write(pet.photoUrls()), write(pet.tags()))
			.update();
		insertTags(tenant, pet.id(), pet.tags());
		changed(tenant);
	}

	boolean updateNameAndStatus(Tenant tenant, long id, String name, String status) {
		boolean updated = jdbc.sql("UPDATE classic_pet SET name = COALESCE(?, name), status = COALESCE(?, status) WHERE tenant_id = ? AND id = ?")
			.params(name, status, tenant.id(), id)
			.update() == 1;
		changed(tenant);
		return updated;
	}

	boolean delete(Tenant tenant, long id) {
		jdbc.sql("DELETE FROM classic_pet_tag WHERE tenant_id = ? AND pet_id = ?").params(tenant.id(), id).update();
		boolean deleted = jdbc.sql("DELETE FROM classic_pet WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update() == 1;
		changed(tenant);
		return deleted;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM classic_pet_tag WHERE tenant_id = ?").param(tenant.id()).update();
		jdbc.sql("DELETE FROM classic_pet WHERE tenant_id = ?").param(tenant.id()).update();
		changed(tenant);
	}

	/** Locks the pet's row for the rest of the transaction; empty when there is no such pet. */
	Optional<Pet> findForUpdate(Tenant tenant, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM classic_pet WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	void updatePhotoUrls(Tenant tenant, long id, List<String> photoUrls) {
		jdbc.sql("UPDATE classic_pet SET photo_urls_json = ? WHERE tenant_id = ? AND id = ?")
			.params(write(photoUrls), tenant.id(), id)
			.update();
		changed(tenant);
	}

	private void replaceTags(Tenant tenant, long petId, List<Tag> tags) {
		jdbc.sql("DELETE FROM classic_pet_tag WHERE tenant_id = ? AND pet_id = ?").params(tenant.id(), petId).update();
		insertTags(tenant, petId, tags);
	}

	private void insertTags(Tenant tenant, long petId, List<Tag> tags) {
		var names = new LinkedHashSet<String>();
		for (Tag tag : tags) {
			if (tag.name() != null) {
				names.add(tag.name());
			}
		}
		for (String name : names) {
			jdbc.sql("INSERT INTO classic_pet_tag (tenant_id, pet_id, name) VALUES (?, ?, ?)")
				.params(tenant.id(), petId, name)
				.update();
		}
	}

	private static String status(Pet pet) {
		return pet.status();
	}

	private String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private Pet map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("category_json");
		return new Pet(rs.getLong("id"),
				category == null ? null : json.readValue(category, Category.class),
				rs.getString("name"),
				json.readValue(rs.getString("photo_urls_json"), STRINGS),
				json.readValue(rs.getString("tags_json"), TAGS),
				rs.getString("status"));
	}


}
