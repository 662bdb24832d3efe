package io.petstore.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;
import io.petstore.persistence.Tallies;
import io.petstore.persistence.Timestamps;

/** SQL for {@code catalog_pet}. */
@Repository
class PetRepository {

	private static final String COLUMNS = "id, tenant_id, name, species, breed, age_months, size, color, gender, good_with_kids, "
			+ "price, currency, description, status, has_medical, vaccinated, spayed_neutered, microchipped, special_needs, "
			+ "health_notes, photos_json, created_at, updated_at";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/** Pets per status and species, kept with every write (issue 20: the dashboard and inventory read it). */
	static final Tallies.Table TALLY = new Tallies.Table("catalog_pet_tally", List.of("status", "species"), List.of("n"));

	private static final String REBUILD = "INSERT INTO catalog_pet_tally (tenant_id, status, species, slot, n) "
			+ "SELECT tenant_id, status, species, 0, COUNT(*) FROM catalog_pet WHERE tenant_id = ? GROUP BY tenant_id, status, species";

	private record Counted(PetStatus status, Species species) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Tallies tallies;

	PetRepository(JdbcClient jdbc, JsonMapper json, Tallies tallies) {
		this.jdbc = jdbc;
		this.json = json;
		this.tallies = tallies;
	}

	void insert(Tenant tenant, Pet pet) {
		jdbc.sql("INSERT INTO catalog_pet (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(values(tenant, pet))
			.update();
		count(tenant, new Counted(pet.status(), pet.species()), 1);
	}

	/** The counted fields of the pet, its row locked until the transaction ends. */
	private Optional<Counted> lockCounted(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT status, species FROM catalog_pet WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query((rs, row) -> new Counted(PetStatus.valueOf(rs.getString(1)), Species.valueOf(rs.getString(2))))
			.optional();
	}

	private void count(Tenant tenant, Counted counted, long delta) {
		tallies.add(TALLY, tenant.id(), List.of(counted.status().name(), counted.species().name()), delta);
	}

	private void moved(Tenant tenant, Counted before, Counted after) {
		if (!before.equals(after)) {
			count(tenant, before, -1);
			count(tenant, after, 1);
		}
	}

	boolean update(Tenant tenant, Pet pet) {
		Optional<Counted> before = lockCounted(tenant, pet.id());
		if (before.isEmpty()) {
			return false;
		}
		moved(tenant, before.get(), new Counted(pet.status(), pet.species()));
		List<Object> values = values(tenant, pet);
		// everything but id, tenant_id and created_at, then the key
		List<Object> params = new ArrayList<>(values.subList(2, 21));
		params.add(values.get(22));
		params.add(tenant.id());
		params.add(pet.id());
		return jdbc.sql("UPDATE catalog_pet SET name = ?, species = ?, breed = ?, age_months = ?, size = ?, color = ?, gender = ?, "
				+ "good_with_kids = ?, price = ?, currency = ?, description = ?, status = ?, has_medical = ?, vaccinated = ?, "
				+ "spayed_neutered = ?, microchipped = ?, special_needs = ?, health_notes = ?, photos_json = ?, updated_at = ? "
				+ "WHERE tenant_id = ? AND id = ?")
			.params(params)
			.update() == 1;
	}

	Optional<Pet> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_pet WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	boolean delete(Tenant tenant, UUID id) {
		Optional<Counted> before = lockCounted(tenant, id);
		if (before.isEmpty() || jdbc.sql("DELETE FROM catalog_pet WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update() != 1) {
			return false;
		}
		count(tenant, before.get(), -1);
		return true;
	}

	/** Deletes the tenant's pets; its counts are counted again from the rows it has when the transaction commits (a reset reseeds). */
	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM catalog_pet WHERE tenant_id = ?").param(tenant.id()).update();
		tallies.rebuild(TALLY, tenant.id(), REBUILD);
	}

	/** Moves the pet from one status to another if, and only if, it has the first one now. */
	boolean changeStatus(Tenant tenant, UUID id, Set<PetStatus> from, PetStatus to) {
		Optional<Counted> before = lockCounted(tenant, id);
		if (before.isEmpty() || !from.contains(before.get().status())) {
			return false;
		}
		String in = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
		boolean changed = jdbc.sql("UPDATE catalog_pet SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND status IN (" + in + ")")
			.params(to.name(), now(), tenant.id(), id)
			.update() == 1;
		if (changed) {
			moved(tenant, before.get(), new Counted(to, before.get().species()));
		}
		return changed;
	}

	boolean addPhoto(Tenant tenant, UUID id, String url) {
		Optional<Pet> pet = find(tenant, id);
		if (pet.isEmpty()) {
			return false;
		}
		List<String> photos = new ArrayList<>(pet.get().photos());
		photos.add(url);
		return jdbc.sql("UPDATE catalog_pet SET photos_json = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
			.params(json.writeValueAsString(photos), now(), tenant.id(), id)
			.update() == 1;
	}

	List<Pet> find(Tenant tenant, PetFilter filter, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(tenant, filter, params);
		String order = switch (filter.sortField() == null ? "" : filter.sortField()) {
			case "ageMonths" -> "age_months" + (filter.descending() ? " DESC" : "") + ", id";
			case "price" -> "price" + (filter.descending() ? " DESC" : "") + ", id";
			default -> "id" + (filter.descending() ? " DESC" : "");
		};
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_pet WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")
			.params(params)
			.query(this::map)
			.list();
	}

	long count(Tenant tenant, PetFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(tenant, filter, params);
		return jdbc.sql("SELECT COUNT(*) FROM catalog_pet WHERE " + where).params(params).query(Long.class).single();
	}

	Map<PetStatus, Long> countByStatus(Tenant tenant) {
		Map<PetStatus, Long> counts = new EnumMap<>(PetStatus.class);
		countByStatusAndSpecies(tenant).forEach((status, bySpecies) -> counts.put(status,
				bySpecies.values().stream().mapToLong(Long::longValue).sum()));
		return counts;
	}

	/** From the tally (a few rows per status and species), not from the pets. */
	Map<PetStatus, Map<Species, Long>> countByStatusAndSpecies(Tenant tenant) {
		Map<PetStatus, Map<Species, Long>> counts = new EnumMap<>(PetStatus.class);
		for (PetStatus status : PetStatus.values()) {
			Map<Species, Long> bySpecies = new EnumMap<>(Species.class);
			for (Species species : Species.values()) {
				bySpecies.put(species, 0L);
			}
			counts.put(status, bySpecies);
		}
		jdbc.sql("SELECT species, status, SUM(n) AS n FROM catalog_pet_tally WHERE tenant_id = ? GROUP BY species, status")
			.param(tenant.id())
			.query((rs, row) -> counts.get(PetStatus.valueOf(rs.getString("status")))
				.put(Species.valueOf(rs.getString("species")), rs.getLong("n")))
			.list();
		return counts;
	}

	java.util.Optional<PetStatus> findStatusForUpdate(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT status FROM catalog_pet WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query((rs, row) -> PetStatus.valueOf(rs.getString(1)))
			.optional();
	}

	Map<Species, Long> countBySpecies(Tenant tenant) {
		Map<Species, Long> counts = new EnumMap<>(Species.class);
		for (Species species : Species.values()) {
			counts.put(species, 0L);
		}
		countByStatusAndSpecies(tenant).values().forEach(bySpecies -> bySpecies.forEach((species, n) -> counts.merge(species, n, Long::sum)));
		return counts;
	}

	private static String where(Tenant tenant, PetFilter filter, List<Object> params) {
		StringBuilder where = new StringBuilder("tenant_id = ?");
		params.add(tenant.id());
		in(where, "species", filter.species());
		in(where, "status", filter.statuses());
		in(where, "size", filter.sizes());
		if (filter.ageMin() != null) {
			where.append(" AND age_months >= ?");
			params.add(filter.ageMin());
		}
		if (filter.ageMax() != null) {
			where.append(" AND age_months <= ?");
			params.add(filter.ageMax());
		}
		flag(where, params, "good_with_kids", filter.goodWithKids());
		flag(where, params, "vaccinated", filter.vaccinated());
		flag(where, params, "spayed_neutered", filter.spayedNeutered());
		flag(where, params, "special_needs", filter.specialNeeds());
		return where.toString();
	}

	/** Enum values only (never client text), so they can be inlined. */
	private static void in(StringBuilder where, String column, Set<? extends Enum<?>> values) {
		if (values != null && !values.isEmpty()) {
			where.append(" AND ").append(column).append(" IN (")
				.append(values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "))).append(')');
		}
	}

	private static void flag(StringBuilder where, List<Object> params, String column, Boolean value) {
		if (value != null) {
			where.append(" AND ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private List<Object> values(Tenant tenant, Pet pet) {
		MedicalInfo medical = pet.medicalInfo();
		List<Object> values = new ArrayList<>();
		values.add(pet.id());
		values.add(tenant.id());
		values.add(pet.name());
		values.add(pet.species().name());
		values.add(pet.breed());
		values.add(pet.ageMonths());
		values.add(pet.size() == null ? null : pet.size().name());
		values.add(pet.color());
		values.add(pet.gender() == null ? null : pet.gender().name());
		values.add(pet.goodWithKids());
		values.add(pet.price());
		values.add(pet.currency());
		values.add(pet.description());
		values.add(pet.status().name());
		values.add(medical != null);
		values.add(medical == null ? null : medical.vaccinated());
		values.add(medical == null ? null : medical.spayedNeutered());
		values.add(medical == null ? null : medical.microchipped());
		values.add(medical == null ? null : medical.specialNeeds());
		values.add(medical == null ? null : medical.healthNotes());
		values.add(json.writeValueAsString(pet.photos()));
		values.add(OffsetDateTime.ofInstant(pet.createdAt(), ZoneOffset.UTC));
		values.add(OffsetDateTime.ofInstant(pet.updatedAt(), ZoneOffset.UTC));
		return values;
	}

	private Pet map(ResultSet rs, int row) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		MedicalInfo medical = rs.getBoolean("has_medical") ? new MedicalInfo(bool(rs, "vaccinated"),
				bool(rs, "spayed_neutered"), bool(rs, "microchipped"), bool(rs, "special_needs"), rs.getString("health_notes"))
				: null;
		String size = rs.getString("size");
		String gender = rs.getString("gender");
		return new Pet(rs.getObject("id", UUID.class), rs.getString("name"), Species.valueOf(rs.getString("species")),
				rs.getString("breed"), rs.getInt("age_months"), size == null ? null : PetSize.valueOf(size), rs.getString("color"),
				gender == null ? null : Gender.valueOf(gender), bool(rs, "good_with_kids"),
				rs.getBigDecimal("price").setScale(2), rs.getString("currency").trim(), rs.getString("description"),
				PetStatus.valueOf(rs.getString("status")), medical, json.readValue(rs.getString("photos_json"), STRINGS),
				Tenant.SHARED.id().equals(tenantId) ? null : tenantId, instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime now() {
		return Timestamps.nowUtc();
	}


	/** The pets with these ids (one query; unknown ids are left out). */
	List<Pet> findAll(Tenant tenant, java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_pet WHERE tenant_id = :tenant AND id IN (:ids)")
			.param("tenant", tenant.id())
			.param("ids", List.copyOf(ids))
			.query(this::map)
			.list();
	}

}
