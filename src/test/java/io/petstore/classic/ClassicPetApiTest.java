package io.petstore.classic;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Multipart;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight pet operations over HTTP, JSON and XML, as generated clients use them. */
class ClassicPetApiTest extends IntegrationTest {

	private static final String JERSEY_PET = """
			{"id":5638,"category":{"id":5638,"name":"jersey2 java8 category"},"name":"jersey2 java8 pet",\
			"photoUrls":["A","B","C"],"tags":[{"id":5638,"name":"jersey2 java8 tag"}],"status":"available"}""";

	@Test
	void seedPetsAreThereWithTheReferenceShape() {
		Reply reply = api.get("/v2/pet/1");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.body()).isEqualTo("{\"id\":1,\"category\":{\"id\":2,\"name\":\"Cats\"},\"name\":\"Cat 1\","
				+ "\"photoUrls\":[\"url1\",\"url2\"],\"tags\":[{\"id\":1,\"name\":\"tag1\"},{\"id\":2,\"name\":\"tag2\"}],"
				+ "\"status\":\"available\"}");
	}

	@Test
	void addPetEchoesCategoryTagsAndPhotoUrlsExactlyAsSent() {
		Reply added = api.postJson("/v2/pet", JERSEY_PET);
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body()).isEqualTo(JERSEY_PET);

		Reply read = api.get("/v2/pet/5638");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).isEqualTo(JERSEY_PET);
	}

	@Test
	void jersey2ClientScenarioFromOpenapiGenerator() {
		api.postJson("/v2/pet", JERSEY_PET);
		Reply form = api.send("POST", "/v2/pet/5638", "application/x-www-form-urlencoded",
				"name=jersey2+java8+pet+2&status=sold");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().get("message").asString()).isEqualTo("5638");

		JsonNode pet = api.get("/v2/pet/5638").json();
		assertThat(pet.get("name").asString()).isEqualTo("jersey2 java8 pet 2");
		assertThat(pet.get("status").asString()).isEqualTo("sold");
		assertThat(pet.get("photoUrls").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");

		assertThat(api.delete("/v2/pet/5638", "api_key", "empty api key").status()).isEqualTo(200);
		Reply gone = api.get("/v2/pet/5638");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).isEqualTo("application/json");
		assertThat(gone.body()).isEqualTo("{\"code\":1,\"type\":\"error\",\"message\":\"Pet not found\"}");
	}

	@Test
	void aPetWithoutIdGetsAFreshIdAndAlwaysHasTagsAndPhotoUrls() {
		Reply first = api.postJson("/v2/pet", "{\"name\":\"gorilla\",\"category\":{\"name\":\"apes\"}}");
		Reply second = api.postJson("/v2/pet", "{\"id\":0,\"name\":\"gorilla 2\"}");
		assertThat(first.status()).isEqualTo(200);
		long id1 = first.json().get("id").asLong();
		long id2 = second.json().get("id").asLong();
		assertThat(id1).isPositive();
		assertThat(id2).isPositive().isNotEqualTo(id1);
		assertThat(first.body()).startsWith("{\"id\":" + id1 + ",\"category\":{\"id\":0,\"name\":\"apes\"},\"name\":\"gorilla\"");
		assertThat(first.body()).contains("\"photoUrls\":[]", "\"tags\":[]").doesNotContain("status");
	}

	@Test
	void freshIdsSkipIdsThatClientsTookThemselves() {
		long last = api.postJson("/v2/pet", "{\"name\":\"probe\"}").json().get("id").asLong();
		for (long id = last + 1; id <= last + 50; id++) {
			assertThat(api.postJson("/v2/pet", "{\"id\":" + id + ",\"name\":\"taken " + id + "\"}").status()).isEqualTo(200);
		}
		Reply fresh = api.postJson("/v2/pet", "{\"name\":\"fresh\"}");
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.json().get("id").asLong()).isGreaterThan(last + 50);
		for (long id = last + 1; id <= last + 50; id++) {
			assertThat(api.get("/v2/pet/" + id).json().get("name").asString()).isEqualTo("taken " + id);
		}
		Reply order = api.postJson("/v2/store/order", "{\"petId\":1}");
		long lastOrder = order.json().get("id").asLong();
		api.postJson("/v2/store/order", "{\"id\":" + (lastOrder + 1) + ",\"petId\":1}");
		assertThat(api.postJson("/v2/store/order", "{\"petId\":2}").json().get("id").asLong()).isGreaterThan(lastOrder + 1);
	}

	@Test
	void largeRandomIdsRoundTrip() {
		long id = Long.MAX_VALUE - 12345;
		assertThat(api.postJson("/v2/pet", "{\"id\":" + id + ",\"name\":\"big\"}").status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/" + id).json().get("id").asLong()).isEqualTo(id);
	}

	@Test
	void postAndPutAreUpsertsThatReplaceThePetInFull() {
		api.postJson("/v2/pet", "{\"id\":77,\"name\":\"a\",\"status\":\"available\",\"tags\":[{\"id\":1,\"name\":\"x\"}]}");
		Reply put = api.putJson("/v2/pet", "{\"id\":77,\"name\":\"b\",\"status\":\"pending\"}");
		assertThat(put.status()).isEqualTo(200);
		JsonNode pet = api.get("/v2/pet/77").json();
		assertThat(pet.get("name").asString()).isEqualTo("b");
		assertThat(pet.get("status").asString()).isEqualTo("pending");
		assertThat(pet.get("tags").size()).isZero();

		Reply created = api.putJson("/v2/pet", "{\"id\":78,\"name\":\"new via put\"}");
		assertThat(created.status()).isEqualTo(200);
		assertThat(api.get("/v2/pet/78").status()).isEqualTo(200);
	}

	@Test
	void xmlInAndOutUsesTheReferenceElementNames() {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Pet><id>901</id><category><id>3</id><name>Rabbits</name></category>"
				+ "<name>xml bunny</name><photoUrls><photoUrl>p1</photoUrl><photoUrl>p2</photoUrl></photoUrls>"
				+ "<tags><tag><id>5</id><name>fluffy</name></tag></tags><status>pending</status></Pet>";
		Reply added = api.send("POST", "/v2/pet", "application/xml", xml, "Accept", "application/xml");
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.contentType()).startsWith("application/xml");
		assertThat(added.body()).contains("<Pet><category><id>3</id><name>Rabbits</name></category><id>901</id><name>xml bunny</name>"
				+ "<photoUrls><photoUrl>p1</photoUrl><photoUrl>p2</photoUrl></photoUrls><status>pending</status>"
				+ "<tags><tag><id>5</id><name>fluffy</name></tag></tags></Pet>");

		JsonNode json = api.get("/v2/pet/901").json();
		assertThat(json.get("photoUrls").toString()).isEqualTo("[\"p1\",\"p2\"]");
		assertThat(json.get("tags").get(0).get("name").asString()).isEqualTo("fluffy");
	}

	@Test
	void contentNegotiationFollowsTheAcceptHeader() {
		assertThat(api.get("/v2/pet/1", "Accept", "application/xml").contentType()).startsWith("application/xml");
		assertThat(api.get("/v2/pet/1", "Accept", "*/*").contentType()).isEqualTo("application/json");
		// a tie goes to JSON (openapi-generator's native Java client sends this and parses only JSON)
		assertThat(api.get("/v2/pet/1", "Accept", "application/xml, application/json").contentType()).isEqualTo("application/json");
		assertThat(api.get("/v2/pet/1", "Accept", "application/xml, application/json;q=0.9").contentType()).startsWith("application/xml");
		assertThat(api.get("/v2/pet/1", "Accept", "text/xml").contentType()).isEqualTo("text/xml"); // a 406, as the reference
		assertThat(api.get("/v2/pet/1", "Accept", "application/json, application/xml").contentType()).isEqualTo("application/json");
		assertThat(api.get("/v2/pet/12345", "Accept", "application/xml, application/json").contentType()).isEqualTo("application/json");
		Reply notFoundXml = api.get("/v2/pet/12345", "Accept", "application/xml");
		assertThat(notFoundXml.status()).isEqualTo(404);
		assertThat(notFoundXml.body()).contains("<apiResponse><message>Pet not found</message><type>error</type></apiResponse>");
	}

	@Test
	void findByStatusAcceptsCommaSeparatedAndRepeatedValues() {
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending,sold"))).containsExactly(3L, 5L, 6L);
		assertThat(ids(api.get("/v2/pet/findByStatus?status=pending&status=sold"))).containsExactly(3L, 5L, 6L);
		assertThat(ids(api.get("/v2/pet/findByStatus?status=sold"))).containsExactly(5L);
		// as the reference: no status finds nothing
		assertThat(ids(api.get("/v2/pet/findByStatus"))).isEmpty();
		assertThat(ids(api.get("/v2/pet/findByStatus?status="))).isEmpty();
	}

	/** As the reference: a status outside the enum finds the pets stored with it, usually none. */
	@Test
	void findByStatusWithAnUnknownStatusFindsThePetsStoredWithIt() {
		Reply reply = api.get("/v2/pet/findByStatus?status=weird");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(ids(reply)).isEmpty();
		var unvalidated = new io.petstore.support.ApiClient(base(), null, tenant); // the document lists the enum
		assertThat(unvalidated.postJson("/v2/pet", "{\"id\":4321,\"name\":\"odd\",\"status\":\"weird\"}").status()).isEqualTo(200);
		assertThat(ids(unvalidated.get("/v2/pet/findByStatus?status=weird"))).containsExactly(4321L);
		assertThat(unvalidated.get("/v2/store/inventory").json().get("weird").asLong()).isEqualTo(1);
	}

	@Test
	void findByStatusInXmlIsWrappedInPets() {
		Reply reply = api.get("/v2/pet/findByStatus?status=sold", "Accept", "application/xml");
		assertThat(reply.body()).contains("<pets><Pet>").contains("<name>Dog 2</name>").endsWith("</Pet></pets>");
		Reply empty = api.get("/v2/pet/findByTags?tags=nothing", "Accept", "application/xml");
		assertThat(empty.body()).contains("<pets");
		assertThat(empty.body()).doesNotContain("<Pet>");
	}

	@Test
	void findByTagsListsEachPetOnce() {
		List<Long> ids = ids(api.get("/v2/pet/findByTags?tags=tag1,tag2"));
		assertThat(ids).containsExactly(1L, 2L, 4L, 5L, 7L, 8L);
		assertThat(ids(api.get("/v2/pet/findByTags?tags=tag1&tags=tag4"))).containsExactly(1L, 3L, 4L, 6L, 7L, 9L, 10L);
		assertThat(ids(api.get("/v2/pet/findByTags"))).isEmpty();
	}

	@Test
	void updatePetWithFormKeepsFieldsThatAreNotSent() {
		Reply reply = api.send("POST", "/v2/pet/2", "application/x-www-form-urlencoded", "name=renamed");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode pet = api.get("/v2/pet/2").json();
		assertThat(pet.get("name").asString()).isEqualTo("renamed");
		assertThat(pet.get("status").asString()).isEqualTo("available");

		Reply unknown = api.send("POST", "/v2/pet/424242", "application/x-www-form-urlencoded", "name=x");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo("{\"code\":404,\"type\":\"unknown\",\"message\":\"Pet not found\"}"); // the reference's shape
		// as the reference, any status is stored
		assertThat(api.send("POST", "/v2/pet/2", "application/x-www-form-urlencoded", "status=eaten").status()).isEqualTo(200);
		assertThat(new io.petstore.support.ApiClient(base(), null, tenant).get("/v2/pet/2").json().get("status").asString())
			.isEqualTo("eaten");
	}

	@Test
	void deleteAnswersWithApiResponseAnd404ForUnknownPets() {
		Reply deleted = api.delete("/v2/pet/3");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{\"code\":200,\"type\":\"unknown\",\"message\":\"3\"}");
		Reply again = api.delete("/v2/pet/3");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.body()).isEmpty(); // as the reference: an empty 404
		assertThat(again.contentType()).isNull();
	}

	@Test
	void uploadStoresTheFileAndAddsItsUrlToPhotoUrls() {
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000tiny".getBytes(StandardCharsets.ISO_8859_1);
		Multipart body = new Multipart()
			.field("additionalMetadata", "a test file")
			.file("file", "pet.gif", "image/gif", gif);
		Reply reply = api.send("POST", "/v2/pet/4/uploadImage", body.contentType(), BodyPublishers.ofByteArray(body.bytes()));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("code").asInt()).isEqualTo(200);
		String message = reply.json().get("message").asString();
		assertThat(message).startsWith("additionalMetadata: a test file\nFile uploaded to ").endsWith(", " + gif.length + " bytes");

		JsonNode photoUrls = api.get("/v2/pet/4").json().get("photoUrls");
		assertThat(photoUrls.size()).isEqualTo(3);
		String url = photoUrls.get(2).asString();
		assertThat(message).contains(url);
		assertThat(url).startsWith(base() + "/v2/pet/4/images/");

		var image = new io.petstore.support.ApiClient(base(), null, null).get(url.substring(base().length()));
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.contentType()).isEqualTo("image/gif");
		assertThat(image.body().getBytes(StandardCharsets.ISO_8859_1)).hasSize(gif.length);
	}

	@Test
	void uploadForAnUnknownPetIsAcceptedAsTheReferenceDoes() {
		Multipart body = new Multipart().file("file", "hello.txt", "text/plain", "Hello world!".getBytes(StandardCharsets.UTF_8));
		Reply reply = api.send("POST", "/v2/pet/987654/uploadImage", body.contentType(), BodyPublishers.ofByteArray(body.bytes()));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("message").asString()).startsWith("additionalMetadata: null\n").endsWith(", 12 bytes");
	}

	@Test
	void uploadWithoutFileIs400AndOverTheLimitIs413() throws Exception {
		Multipart noFile = new Multipart().field("additionalMetadata", "x");
		Reply missing = api.send("POST", "/v2/pet/1/uploadImage", noFile.contentType(), BodyPublishers.ofByteArray(noFile.bytes()));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("message").asString()).contains("file");

		Multipart huge = new Multipart().file("file", "big.png", "image/png", new byte[11 * 1024 * 1024]);
		String tooLarge = io.petstore.support.RawHttp.exchange(port, tenant, "POST", "/v2/pet/1/uploadImage", huge.contentType(),
				huge.bytes(), false);
		assertThat(tooLarge).startsWith("HTTP/1.1 413 Payload Too Large").contains("\"code\":413");
		assertThat(api.get("/v2/pet/1").json().get("photoUrls").size()).isEqualTo(2);
	}

	static List<Long> ids(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		reply.json().forEach(pet -> ids.add(pet.get("id").asLong()));
		return ids;
	}

}
