package io.petstore.v1;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Multipart;
import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class PetsApiTest extends ModernApiTest {

	@Test
	void listsAvailablePetsByDefaultWithPaginationAndRateLimitHeaders() {
		Reply reply = api.get("/v1/pets?limit=3");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.get("data")).hasSize(3);
		assertThat(body.get("pagination").toString()).isEqualTo("{\"page\":1,\"limit\":3,\"totalItems\":9,\"totalPages\":3}");
		body.get("data").forEach(pet -> assertThat(pet.get("status").asString()).isEqualTo("AVAILABLE"));
		assertThat(body.get("data").get(0).get("tenantId").asString()).isEqualTo(tenant.toString());
		assertThat(reply.header("RateLimit-Limit")).isNotNull();
		assertThat(Long.parseLong(reply.header("RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis() / 1000 - 1);
		assertThat(api.get("/v1/pets?page=3&limit=4").json().get("data")).hasSize(1);
		assertThat(api.get("/v1/pets?page=9").json().get("data")).isEmpty();
		assertThat(api.get("/v1/pets").json().get("pagination").get("limit").asInt()).isEqualTo(20);
	}

	@Test
	void filtersByEveryDocumentedParameter() {
		assertThat(names(api.get("/v1/pets?species=CAT"))).containsExactly("Luna");
		assertThat(names(api.get("/v1/pets?species=CAT&status=AVAILABLE,PENDING"))).containsExactly("Luna", "Milo");
		assertThat(names(api.get("/v1/pets?status=ADOPTED"))).containsExactly("Daisy");
		assertThat(names(api.get("/v1/pets?size=LARGE"))).containsExactly("Max", "Rocky");
		assertThat(names(api.get("/v1/pets?ageMin=24&ageMax=36"))).containsExactly("Max", "Bella");
		assertThat(names(api.get("/v1/pets?goodWithKids=false"))).containsExactly("Spike", "Rocky");
		assertThat(names(api.get("/v1/pets?species=DOG,CAT&size=SMALL"))).containsExactly("Luna", "Coco");
	}

	@Test
	void refusesInvalidQueryParameters() {
		assertProblem(api.get("/v1/pets?species=DRAGON"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?status=available"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?limit=0"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?limit=101"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?page=0"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?ageMin=-1"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?ageMin=abc"), 400, "bad-request");
		assertProblem(api.get("/v1/pets?goodWithKids=maybe"), 400, "bad-request");
	}

	@Test
	void createGetReplaceDelete() {
		ApiClient staff = as(register(uniqueName("staff")));
		Reply created = staff.postJson("/v1/pets", petJson("Rex", "99.5"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(created.header("Location")).isEqualTo(base() + "/v1/pets/" + id);
		assertThat(created.json().get("price").asString()).isEqualTo("99.50");
		assertThat(created.json().get("tenantId").asString()).isEqualTo(tenant.toString());

		Reply fetched = api.get("/v1/pets/" + id);
		assertThat(fetched.json()).isEqualTo(created.json());

		String replacement = fetched.json().toString().replace("\"Rex\"", "\"Rex II\"").replace("\"99.50\"", "\"120\"");
		Reply replaced = staff.putJson("/v1/pets/" + id, replacement);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().get("name").asString()).isEqualTo("Rex II");
		assertThat(replaced.json().get("price").asString()).isEqualTo("120.00");
		assertThat(replaced.json().get("createdAt")).isEqualTo(created.json().get("createdAt"));
		assertThat(api.get("/v1/pets/" + id).json().get("name").asString()).isEqualTo("Rex II");

		assertThat(staff.delete("/v1/pets/" + id).status()).isEqualTo(204);
		assertProblem(api.get("/v1/pets/" + id), 404, "not-found");
		assertProblem(staff.delete("/v1/pets/" + id), 404, "not-found");
		assertProblem(staff.putJson("/v1/pets/" + id, petJson("Ghost", "1")), 404, "not-found");
	}

	@Test
	void replaceRefusesAnIdThatDiffersFromThePath() {
		ApiClient staff = as(register(uniqueName("staff")));
		String id = createPet(staff, "Rex", "10");
		Reply reply = staff.putJson("/v1/pets/" + id, petJson("Rex", "10").replaceFirst("\\{", "{\"id\":\"" + MAX + "\","));
		assertProblem(reply, 422, "validation-error");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void writesNeedABearerTokenWithTheWriteScope() {
		assertProblem(api.postJson("/v1/pets", petJson("Rex", "10")), 401, "unauthorized");
		assertThat(api.postJson("/v1/pets", petJson("Rex", "10")).header("WWW-Authenticate")).startsWith("Bearer");
		assertProblem(api.putJson("/v1/pets/" + MAX, petJson("Rex", "10")), 401, "unauthorized");
		assertProblem(api.delete("/v1/pets/" + MAX), 401, "unauthorized");
		assertProblem(as("not-a-token").postJson("/v1/pets", petJson("Rex", "10")), 401, "unauthorized");

		Account user = register(uniqueName("reader"));
		Reply narrowed = api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username()
				+ "\",\"password\":\"SecurePass123!\",\"scopes\":[\"read:pets\"]}");
		Reply refused = as(narrowed.json().get("token").asString()).postJson("/v1/pets", petJson("Rex", "10"));
		assertProblem(refused, 403, "forbidden");
		assertThat(api.get("/v1/pets/" + MAX).json().get("name").asString()).isEqualTo("Max");
		assertThat(api.get("/v1/pets?limit=100").json().get("pagination").get("totalItems").asInt()).isEqualTo(9);
	}

	@Test
	void advancedSearchWithQueryAndPost() {
		String body = "{\"criteria\":{\"species\":[\"DOG\"],\"ageRange\":{\"min\":6,\"max\":70},\"medical\":{\"vaccinated\":true}},"
				+ "\"sort\":{\"field\":\"price\",\"order\":\"DESC\"},\"pagination\":{\"page\":1,\"limit\":2}}";
		for (Reply reply : List.of(api.query("/v1/pets", body), api.query("/v1/pets/search", body),
				api.postJson("/v1/pets/search", body))) {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(names(reply)).containsExactly("Max", "Rocky");
			assertThat(reply.json().get("pagination").get("totalItems").asInt()).isEqualTo(3);
		}
		assertThat(names(api.postJson("/v1/pets/search", "{\"criteria\":{\"status\":[\"PENDING\",\"ADOPTED\"]},"
				+ "\"sort\":{\"field\":\"ageMonths\"}}"))).containsExactly("Milo", "Daisy");
		assertThat(api.postJson("/v1/pets/search", "{}").json().get("pagination").get("totalItems").asInt()).isEqualTo(9);

		Reply unknown = api.query("/v1/pets", "{\"criteria\":{\"compatibility\":{\"goodWithDogs\":true}}}");
		assertProblem(unknown, 422, "validation-error");
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("criteria.compatibility.goodWithDogs");
		Reply badSort = api.postJson("/v1/pets/search", "{\"sort\":{\"field\":\"name\"}}");
		assertProblem(badSort, 422, "validation-error");
		assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort.field");
	}

	@Test
	void uploadsRealImagesAndServesThem() throws IOException {
		ApiClient staff = as(register(uniqueName("staff")));
		String id = createPet(staff, "Photogenic", "10");
		byte[] png = image("png");
		Reply uploaded = upload(staff, id, "photo.png", "image/png", png);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		String url = uploaded.json().get("url").asString();
		assertThat(uploaded.header("Location")).isEqualTo(url);
		assertThat(uploaded.json().get("success").asBoolean()).isTrue();

		Reply withWebp = upload(staff, id, "tiny.webp", "image/webp",
				Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
		assertThat(withWebp.status()).as(withWebp.toString()).isEqualTo(201);
		Reply withJpeg = upload(staff, id, "no-extension", "application/octet-stream", image("jpg"));
		assertThat(withJpeg.status()).as(withJpeg.toString()).isEqualTo(201);

		JsonNode photos = api.get("/v1/pets/" + id).json().get("photos");
		assertThat(photos).hasSize(3);
		assertThat(photos.get(0).asString()).isEqualTo(url);

		HttpResponse<byte[]> served = fetch(url);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.body()).isEqualTo(png);
	}

	@Test
	void refusesWhatIsNotAnImageAndImagesOverTheLimit() throws IOException {
		ApiClient staff = as(register(uniqueName("staff")));
		String id = createPet(staff, "Photogenic", "10");
		Reply text = upload(staff, id, "photo.png", "image/png", "this is not a picture".getBytes());
		assertProblem(text, 422, "validation-error");
		byte[] png = image("png");
		byte[] truncatedHeader = java.util.Arrays.copyOf(png, 20);
		assertProblem(upload(staff, id, "cut.png", "image/png", truncatedHeader), 422, "validation-error");
		byte[] huge = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(png, 0, huge, 0, png.length);
		assertProblem(upload(staff, id, "huge.png", "image/png", huge), 413, "payload-too-large");
		assertProblem(upload(api, id, "photo.png", "image/png", png), 401, "unauthorized");
		assertProblem(upload(staff, "019b4132-70aa-764f-b315-000000000000", "photo.png", "image/png", png), 404, "not-found");
		assertThat(api.get("/v1/pets/" + id).json().get("photos")).isEmpty();
	}

	@Test
	void tenantsDoNotSeeEachOthersPets() {
		ApiClient staff = as(register(uniqueName("staff")));
		String id = createPet(staff, "Private", "10");
		assertProblem(clientFor(java.util.UUID.randomUUID()).get("/v1/pets/" + id), 404, "not-found");
		assertProblem(clientFor(null).get("/v1/pets/" + id), 404, "not-found");
		Reply shared = clientFor(null).get("/v1/pets/" + MAX);
		assertThat(shared.status()).isEqualTo(200);
		assertThat(shared.json().has("tenantId")).isFalse();
	}

	private static List<String> names(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		reply.json().get("data").forEach(pet -> names.add(pet.get("name").asString()));
		return names;
	}

	static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xff8800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	private static Reply upload(ApiClient client, String petId, String fileName, String type, byte[] content) {
		Multipart multipart = new Multipart().file("file", fileName, type, content).field("additionalMetadata", "test");
		return client.send("POST", "/v1/pets/" + petId + "/images", multipart.contentType(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()));
	}

	private static HttpResponse<byte[]> fetch(String url) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
