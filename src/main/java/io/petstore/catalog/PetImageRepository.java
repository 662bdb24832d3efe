package io.petstore.catalog;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code catalog_pet_image}: images live in the database, so every instance serves them. */
@Repository
class PetImageRepository {

	record StoredImage(String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	PetImageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, UUID id, UUID petId, ImageCheck.Image image, byte[] content) {
		jdbc.sql("INSERT INTO catalog_pet_image (id, tenant_id, pet_id, content_type, size_bytes, width, height, content, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, tenant.id(), petId, image.contentType(), content.length, image.width(), image.height(), content,
					PetRepository.now())
			.update();
	}

	Optional<StoredImage> find(UUID petId, UUID id) {
		return jdbc.sql("SELECT content_type, content FROM catalog_pet_image WHERE id = ? AND pet_id = ?")
			.params(id, petId)
			.query((rs, row) -> new StoredImage(rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	void deleteByPet(Tenant tenant, UUID petId) {
		jdbc.sql("DELETE FROM catalog_pet_image WHERE tenant_id = ? AND pet_id = ?").params(tenant.id(), petId).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM catalog_pet_image WHERE tenant_id = ?").param(tenant.id()).update();
	}

}
