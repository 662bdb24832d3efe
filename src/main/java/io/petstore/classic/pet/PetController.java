package io.petstore.classic.pet;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.petstore.classic.ApiKeyRequired;
import io.petstore.classic.PetstoreAuth;
import io.petstore.classic.ApiResponse;
import io.petstore.classic.ClassicApiException;
import io.petstore.classic.ClassicMode;
import io.petstore.classic.JsonAnswers;
import io.petstore.tenancy.Tenant;

/** {@code /v2/pet}: the eight pet operations of the classic API, plus serving uploaded images. */
@RestController
@RequestMapping(path = "/v2/pet", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
class PetController {


	private final PetService pets;

	private final ClassicMode mode;

	private final JsonAnswers answers;

	PetController(PetService pets, ClassicMode mode, JsonAnswers answers) {
		this.pets = pets;
		this.mode = mode;
		this.answers = answers;
	}

	/**
	 * addPet: an upsert by id, as in the reference; a pet without a positive id gets a new one. The
	 * reference stores whatever it reads; strict mode refuses a pet without name or photoUrls or
	 * with a status outside the enum (405 "Invalid input", as documented).
	 */
	@PetstoreAuth
	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
	Pet addPet(Tenant tenant, @RequestBody Pet pet) {
		checkStrictly(pet, "Invalid input");
		return pets.save(tenant, pet);
	}

	/**
	 * updatePet: the same upsert as addPet (the reference never answers 404 here; clients rely on it);
	 * strict mode: 405 "Validation exception" as documented.
	 */
	@PetstoreAuth
	@PutMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
	Pet updatePet(Tenant tenant, @RequestBody Pet pet) {
		checkStrictly(pet, "Validation exception");
		return pets.save(tenant, pet);
	}

	private void checkStrictly(Pet pet, String what) {
		if (mode.reference()) {
			return;
		}
		String problem = null;
		if (pet.name() == null || pet.name().isBlank()) {
			problem = "name is required";
		}
		else if (pet.rawPhotoUrls() == null) {
			problem = "photoUrls is required";
		}
		else if (pet.status() != null && PetStatus.fromWire(pet.status()).isEmpty()) {
			problem = "Invalid value '" + pet.status() + "' for 'status': use one of available, pending, sold";
		}
		if (problem != null) {
			throw new ClassicApiException(HttpStatus.METHOD_NOT_ALLOWED, ApiResponse.of(405, what + ": " + problem));
		}
	}

	/**
	 * findPetsByStatus: accepts {@code ?status=a,b} and {@code ?status=a&status=b}. As in the
	 * reference, no status finds nothing and a value outside the enum finds the pets stored with
	 * it (usually none); strict mode answers 400 "Invalid status value" to both.
	 */
	@PetstoreAuth
	@GetMapping("/findByStatus")
	ResponseEntity<?> findPetsByStatus(Tenant tenant, @RequestParam(name = "status", required = false) List<String> status,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		Set<String> statuses = new LinkedHashSet<>();
		for (String value : splitValues(status)) {
			if (mode.strict() && PetStatus.fromWire(value).isEmpty()) {
				throw ClassicApiException.badRequest("Invalid status value '" + value + "': use available, pending or sold");
			}
			statuses.add(value);
		}
		if (statuses.isEmpty() && mode.strict()) {
			throw ClassicApiException.badRequest("Invalid status value: status is required (available, pending or sold)");
		}
		return answers.of(tenant, accept, "findByStatus:" + String.join(",", statuses), () -> pets.findByStatus(tenant, statuses));
	}

	/** findPetsByTags: pets carrying any of the tags, each pet once. */
	@PetstoreAuth
	@GetMapping("/findByTags")
	List<Pet> findPetsByTags(Tenant tenant, @RequestParam(name = "tags", required = false) List<String> tags) {
		return pets.findByTags(tenant, splitValues(tags));
	}

	@ApiKeyRequired
	@GetMapping("/{petId}")
	ResponseEntity<?> getPetById(Tenant tenant, @PathVariable long petId,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		return answers.of(tenant, accept, "pet:" + petId,
				() -> pets.find(tenant, petId).orElseThrow(() -> ClassicApiException.notFound("Pet")));
	}

	/**
	 * updatePetWithForm: empty or missing fields leave the value unchanged. As the reference, only
	 * {@code application/x-www-form-urlencoded} in reference mode (multipart is a 415 there); strict
	 * mode also takes multipart.
	 */
	@PetstoreAuth
	@PostMapping(path = "/{petId}", consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ApiResponse updatePetWithForm(Tenant tenant, @PathVariable long petId,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "status", required = false) String status, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		if (mode.reference() && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(request.getContentType()))) {
			throw new HttpMediaTypeNotSupportedException(MediaType.MULTIPART_FORM_DATA, List.of(MediaType.APPLICATION_FORM_URLENCODED));
		}
		return updateWithForm(tenant, petId, name, status);
	}

	/**
	 * updatePetWithForm without a Content-Type (Spring reads it as {@code application/octet-stream}):
	 * the reference reads the body as a form ({@code name=x}, or nothing) in reference mode; strict
	 * mode and an explicit {@code application/octet-stream} get the 415.
	 */
	@PetstoreAuth
	@PostMapping(path = "/{petId}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ApiResponse updatePetWithUntypedForm(Tenant tenant, @PathVariable long petId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		if (mode.strict() || request.getContentType() != null) {
			throw new HttpMediaTypeNotSupportedException(MediaType.APPLICATION_OCTET_STREAM,
					List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA));
		}
		String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				int eq = pair.indexOf('=');
				String key = eq < 0 ? pair : pair.substring(0, eq);
				String value = eq < 0 ? "" : pair.substring(eq + 1);
				try {
					form.add(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
				}
				catch (IllegalArgumentException malformed) {
					throw ClassicApiException.badRequest("The form body is not URL-encoded: " + malformed.getMessage());
				}
			}
		}
		return updateWithForm(tenant, petId, form.getFirst("name"), form.getFirst("status"));
	}

	private ApiResponse updateWithForm(Tenant tenant, long petId, String name, String status) {
		String newStatus = status == null || status.isEmpty() ? null : status;
		if (newStatus != null && mode.strict() && PetStatus.fromWire(newStatus.trim()).isEmpty()) {
			throw new ClassicApiException(HttpStatus.METHOD_NOT_ALLOWED, ApiResponse.of(405,
					"Invalid input: status '" + status + "' is not one of available, pending, sold"));
		}
		if (newStatus != null && mode.strict()) {
			newStatus = newStatus.trim();
		}
		String newName = name == null || name.isEmpty() ? null : name;
		if (!pets.updateNameAndStatus(tenant, petId, newName, newStatus)) {
			// the reference answers this 404 as {"code":404,"type":"unknown","message":"not found"}
			throw mode.strict() ? ClassicApiException.notFound("Pet")
					: new ClassicApiException(HttpStatus.NOT_FOUND, ApiResponse.of(404, "Pet not found"));
		}
		return ApiResponse.of(200, String.valueOf(petId));
	}

	/** deletePet: the {@code api_key} header is read but, as in the reference, not checked. */
	@PetstoreAuth
	@DeleteMapping("/{petId}")
	ResponseEntity<ApiResponse> deletePet(Tenant tenant, @PathVariable long petId) {
		if (!pets.delete(tenant, petId)) {
			if (mode.reference()) {
				return ResponseEntity.notFound().build(); // the reference's 404 has an empty body
			}
			throw ClassicApiException.notFound("Pet");
		}
		return ResponseEntity.ok(ApiResponse.of(200, String.valueOf(petId)));
	}

	/**
	 * uploadFile: stores the file in the database and appends its URL to the pet's {@code photoUrls}.
	 * An unknown pet id is accepted, as the reference does (clients' tests upload for such ids).
	 */
	@PetstoreAuth
	@PostMapping(path = "/{petId}/uploadImage", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ApiResponse uploadFile(Tenant tenant, @PathVariable long petId,
			@RequestParam(name = "additionalMetadata", required = false) String additionalMetadata,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request)
			throws IOException, ServletException {
		// a 'file' part without a filename is not a MultipartFile to Spring; the reference stores it all the same
		Part plainPart = file == null ? request.getPart("file") : null;
		if (file == null && plainPart == null) {
			throw ClassicApiException.badRequest("multipart part 'file' is required");
		}
		String originalName = file != null ? file.getOriginalFilename() : plainPart.getSubmittedFileName();
		String fileName = originalName == null || originalName.isBlank() ? "file" : originalName.replaceAll("[\\\\/]", "_");
		String partType = file != null ? file.getContentType() : plainPart.getContentType();
		String contentType = partType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : partType;
		byte[] content;
		if (file != null) {
			content = file.getBytes();
		}
		else {
			try (var in = plainPart.getInputStream()) {
				content = in.readAllBytes();
			}
		}
		String url = pets.storeImage(tenant, petId, fileName, contentType, content,
				imageId -> ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/v2/pet/{petId}/images/{imageId}")
					.buildAndExpand(petId, imageId)
					.toUriString());
		return ApiResponse.of(200, "additionalMetadata: " + additionalMetadata + "\nFile uploaded to " + url + ", "
				+ content.length + " bytes");
	}

	/**
	 * Serves an uploaded file at the URL put into {@code photoUrls}. Not part of the Swagger
	 * document; the random image id is the capability, so browsers need no headers.
	 */
	@GetMapping(path = "/{petId}/images/{imageId}", produces = MediaType.ALL_VALUE)
	ResponseEntity<byte[]> image(@PathVariable long petId, @PathVariable UUID imageId) {
		PetImage image = pets.image(imageId, petId).orElseThrow(() -> ClassicApiException.notFound("Image"));
		MediaType type = MediaType.parseMediaType(image.contentType());
		boolean inline = "image".equals(type.getType()) && !type.getSubtype().contains("svg");
		return ResponseEntity.ok()
			.contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(image.fileName())
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache())
			.body(image.content());
	}

	/** Every value of a repeated parameter, each split on commas, trimmed, blanks dropped. */
	private static List<String> splitValues(List<String> values) {
		List<String> result = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						result.add(part.trim());
					}
				}
			}
		}
		return result;
	}

}
