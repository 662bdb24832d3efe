package io.petstore.catalog;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.auth.CallContext;
import io.petstore.auth.Scopes;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;
import io.petstore.v1.DomainException;

/**
 * uploadPetPhoto ({@code POST /v1/pets/{id}/images}) and the URL the photo is then served from
 * ({@code GET /v1/pets/{id}/images/{imageId}}), which is appended to the pet's {@code photos}.
 */
@RestController
class PetImageController {

	record UploadResult(boolean success, String message, String url) {
	}

	private final PetCatalog catalog;

	private final PetImageRepository images;

	private final TransactionTemplate tx;

	private final long maxBytes;

	PetImageController(PetCatalog catalog, PetImageRepository images, TransactionTemplate tx,
			@Value("${petstore.v1.image-max-size:5MB}") DataSize maxSize) {
		this.catalog = catalog;
		this.images = images;
		this.tx = tx;
		this.maxBytes = maxSize.toBytes();
	}

	@PostMapping(path = "/v1/pets/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadResult> uploadPetPhoto(CallContext call, @PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "additionalMetadata", required = false) String additionalMetadata) throws IOException {
		UUID petId = Ids.parse(id, "id");
		Tenant tenant = call.require(Scopes.WRITE_PETS).tenant();
		catalog.get(tenant, petId);
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("file", "is required: send the image as the multipart part 'file'", "required");
		}
		if (file.getSize() > maxBytes) {
			throw DomainException.tooLarge("The image is " + file.getSize() + " bytes; at most " + maxBytes + " bytes are accepted.");
		}
		byte[] content = file.getBytes();
		ImageCheck.Image image = ImageCheck.check(content);
		UUID imageId = Ids.newId();
		URI url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/v1/pets/{id}/images/{imageId}").buildAndExpand(petId, imageId).toUri();
		tx.executeWithoutResult(status -> {
			images.insert(tenant, imageId, petId, image, content);
			catalog.addPhoto(call, petId, url.toString());
		});
		return ResponseEntity.created(url)
			.body(new UploadResult(true, "Image uploaded (" + image.contentType() + ", " + image.width() + "x"
					+ image.height() + ", " + content.length + " bytes)", url.toString()));
	}

	@GetMapping("/v1/pets/{id}/images/{imageId}")
	ResponseEntity<byte[]> image(@PathVariable String id, @PathVariable String imageId) {
		UUID petId = Ids.parse(id, "id");
		UUID image = Ids.parse(imageId, "imageId");
		return images.find(petId, image)
			.map(found -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(found.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.header("X-Content-Type-Options", "nosniff")
				.body(found.content()))
			.orElseThrow(() -> DomainException.notFound("image", imageId));
	}

}
