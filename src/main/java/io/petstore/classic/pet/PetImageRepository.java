package io.petstore.classic.pet;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code classic_pet_image}: uploaded files live in the database, so every instance serves them. */
@Repository
class PetImageRepository {

	private final JdbcClient jdbc;

	PetImageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, PetImage image) {
		jdbc.sql("INSERT INTO classic_pet_image (id, tenant_id, pet_id, file_name, content_type, size_bytes, content, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(image.id(), tenant.id(), image.petId(), image.fileName(), image.contentType(), image.content().length,
					image.content(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	Optional<PetImage> find(UUID id, long petId) {
		return jdbc.sql("SELECT id, pet_id, file_name, content_type, content FROM classic_pet_image WHERE id = ? AND pet_id = ?")
			.params(id, petId)
			.query((rs, row) -> new PetImage(rs.getObject("id", UUID.class), rs.getLong("pet_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	void deleteByPet(Tenant tenant, long petId) {
		jdbc.sql("DELETE FROM classic_pet_image WHERE tenant_id = ? AND pet_id = ?").params(tenant.id(), petId).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM classic_pet_image WHERE tenant_id = ?").param(tenant.id()).update();
	}

}
