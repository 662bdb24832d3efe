package io.petstore.soap;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.petstore.generated.soap.CancelOrderRequest;
import io.petstore.generated.soap.CreatePetRequest;
import io.petstore.generated.soap.DeletePetRequest;
import io.petstore.generated.soap.FaultKind;
import io.petstore.generated.soap.FieldError;
import io.petstore.generated.soap.Gender;
import io.petstore.generated.soap.GetInventoryRequest;
import io.petstore.generated.soap.GetInventoryResponse;
import io.petstore.generated.soap.GetOrderRequest;
import io.petstore.generated.soap.GetPetRequest;
import io.petstore.generated.soap.ListPetsRequest;
import io.petstore.generated.soap.ListPetsResponse;
import io.petstore.generated.soap.MedicalInfo;
import io.petstore.generated.soap.Order;
import io.petstore.generated.soap.OrderStatus;
import io.petstore.generated.soap.Pet;
import io.petstore.generated.soap.PetInput;
import io.petstore.generated.soap.PetSize;
import io.petstore.generated.soap.PetStatus;
import io.petstore.generated.soap.Petstore;
import io.petstore.generated.soap.PetstoreFault;
import io.petstore.generated.soap.PetstoreFault_Exception;
import io.petstore.generated.soap.PlaceOrderRequest;
import io.petstore.generated.soap.Species;
import io.petstore.generated.soap.UpdatePetRequest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A real SOAP client: Apache CXF's JAX-WS runtime with the classes generated from
 * src/main/resources/soap/petstore.wsdl, built from the WSDL the server serves (so its absolute
 * address is used), the bearer token and tenant in the HTTP headers. Every operation, on SOAP 1.1
 * and 1.2, and the faults it receives.
 */
class SoapClientTest extends SoapTestSupport {

	static PetInput petInput(String name, String price) {
		PetInput input = new PetInput();
		input.setName(name);
		input.setSpecies(Species.DOG);
		input.setBreed("Beagle");
		input.setAgeMonths(14);
		input.setSize(PetSize.MEDIUM);
		input.setGender(Gender.FEMALE);
		input.setGoodWithKids(true);
		input.setPrice(price);
		input.setCurrency("USD");
		input.setStatus(PetStatus.AVAILABLE);
		MedicalInfo medical = new MedicalInfo();
		medical.setVaccinated(true);
		input.setMedicalInfo(medical);
		input.getPhoto().add("https://example.com/rex.jpg");
		return input;
	}

	static Pet create(Petstore port, String name, String price) throws PetstoreFault_Exception {
		CreatePetRequest request = new CreatePetRequest();
		request.setPet(petInput(name, price));
		return port.createPet(request).getPet();
	}

	static PetstoreFault fault(Executable call) {
		PetstoreFault_Exception fault = catchThrowableOfType(PetstoreFault_Exception.class, call::run);
		assertThat(fault).as("a PetstoreFault").isNotNull();
		return fault.getFaultInfo();
	}

	interface Executable {

		void run() throws Exception;

	}

	@Test
	void theServedWsdlGivesAnAbsoluteAddressForBothVersions() {
		assertThat(endpointAddress(client(null, false))).isEqualTo(base() + "/v1/soap");
		assertThat(endpointAddress(client(null, true))).isEqualTo(base() + "/v1/soap");
		Reply wsdl = api.get("/v1/soap/petstore.wsdl");
		assertThat(wsdl.status()).isEqualTo(200);
		assertThat(wsdl.body()).contains("location=\"" + base() + "/v1/soap\"").contains("schemaLocation=\"petstore-types.xsd\"");
		// forwarded headers from any client are not trusted (server.forward-headers-strategy is unset)
		Reply forwarded = api.get("/v1/soap/petstore.wsdl", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "eighty");
		assertThat(forwarded.status()).isEqualTo(200);
		assertThat(forwarded.body()).contains("location=\"" + base() + "/v1/soap\"").doesNotContain("evil");
		Reply xsd = api.get("/v1/soap/petstore-types.xsd");
		assertThat(xsd.status()).isEqualTo(200);
		assertThat(xsd.body()).contains("name=\"PetstoreFault\"");
		assertThat(api.get("/docs/other-apis.json").body()).contains("/v1/soap/petstore.wsdl").contains("/v1/soap/petstore-types.xsd");
		assertThat(api.get("/docs/apis.json").body()).doesNotContain("/v1/soap");
	}

	@Test
	void everyPetOperation() throws Exception {
		for (boolean soap12 : new boolean[] { false, true }) {
			Account owner = register("soapy");
			Petstore port = client(owner.token(), soap12);
			Pet created = create(port, "Rex", "250.00");
			assertThat(created.getName()).isEqualTo("Rex");
			assertThat(created.getPrice()).isEqualTo("250.00");
			assertThat(created.getSpecies()).isEqualTo(Species.DOG);
			assertThat(created.getMedicalInfo().isVaccinated()).isTrue();
			assertThat(created.getPhoto()).containsExactly("https://example.com/rex.jpg");
			assertThat(created.getTenantId()).isEqualTo(tenant.toString());

			// the same pet as REST shows it
			Reply rest = api.get("/v1/pets/" + created.getId());
			assertThat(rest.json().get("name").asString()).isEqualTo("Rex");

			GetPetRequest get = new GetPetRequest();
			get.setId(created.getId());
			assertThat(client(null, soap12).getPet(get).getPet().getId()).isEqualTo(created.getId());

			UpdatePetRequest update = new UpdatePetRequest();
			update.setId(created.getId());
			PetInput changed = petInput("Rex II", "260.5");
			changed.getPhoto().clear();
			update.setPet(changed);
			Pet updated = port.updatePet(update).getPet();
			assertThat(updated.getName()).isEqualTo("Rex II");
			assertThat(updated.getPrice()).isEqualTo("260.50");
			assertThat(updated.getPhoto()).as("no photo elements: kept").containsExactly("https://example.com/rex.jpg");

			ListPetsRequest list = new ListPetsRequest();
			list.getSpecies().add(Species.DOG);
			list.getStatus().add(PetStatus.AVAILABLE);
			list.setLimit(100);
			ListPetsResponse page = client(null, soap12).listPets(list);
			assertThat(page.getPet()).extracting(Pet::getId).contains(created.getId());
			assertThat(page.getPagination().getLimit()).isEqualTo(100);
			assertThat(page.getPagination().getTotalItems())
				.isEqualTo(api.get("/v1/pets?species=DOG&status=AVAILABLE").json().get("pagination").get("totalItems").asLong());
			list.getSpecies().clear();
			list.getSpecies().add(Species.BIRD);
			list.setAgeMin(13);
			list.setAgeMax(15);
			assertThat(client(null, soap12).listPets(list).getPet()).isEmpty();

			DeletePetRequest delete = new DeletePetRequest();
			delete.setId(created.getId());
			port.deletePet(delete);
			assertThat(fault(() -> port.getPet(get)).getKind()).isEqualTo(FaultKind.NOT_FOUND);
		}
	}

	@Test
	void ordersAndInventory() throws Exception {
		for (boolean soap12 : new boolean[] { false, true }) {
			Account buyer = register("buyer");
			Petstore port = client(buyer.token(), soap12);
			Pet pet = create(port, "Milo", "80.00");
			PlaceOrderRequest place = new PlaceOrderRequest();
			place.setPetId(pet.getId());
			Order order = port.placeOrder(place).getOrder();
			assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
			assertThat(order.getTotalAmount()).isEqualTo("80.00");
			assertThat(order.getUserId()).isEqualTo(buyer.id());

			GetOrderRequest get = new GetOrderRequest();
			get.setId(order.getId());
			assertThat(port.getOrder(get).getOrder().getId()).isEqualTo(order.getId());
			// someone else's order
			Petstore other = client(register("other").token(), soap12);
			assertThat(fault(() -> other.getOrder(get)).getKind()).isIn(FaultKind.NOT_FOUND, FaultKind.FORBIDDEN);

			GetInventoryResponse inventory = client(null, soap12).getInventory(new GetInventoryRequest());
			var rest = api.get("/v1/inventory").json();
			assertThat(inventory.getPending()).isEqualTo(rest.get("pending").asLong()).isGreaterThanOrEqualTo(1);
			assertThat(inventory.getAvailable()).isEqualTo(rest.get("available").asLong());
			assertThat(inventory.getTotal()).isEqualTo(rest.get("total").asLong());
			assertThat(inventory.getBySpecies()).anySatisfy(count -> {
				assertThat(count.getSpecies()).isEqualTo(Species.DOG);
				assertThat(count.getCount()).isEqualTo(rest.get("bySpecies").get("DOG").asLong());
			});

			CancelOrderRequest cancel = new CancelOrderRequest();
			cancel.setId(order.getId());
			assertThat(port.cancelOrder(cancel).getOrder().getStatus()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(fault(() -> port.cancelOrder(cancel)).getKind()).isEqualTo(FaultKind.CONFLICT);
		}
	}

	@Test
	void faultsNameTheKindAndTheFields() throws Exception {
		Account user = register("faulty");
		Petstore anonymous = client(null, false);
		CreatePetRequest create = new CreatePetRequest();
		create.setPet(petInput("Nobody", "1.00"));
		PetstoreFault unauthorized = fault(() -> anonymous.createPet(create));
		assertThat(unauthorized.getKind()).isEqualTo(FaultKind.UNAUTHORIZED);
		assertThat(unauthorized.getType()).isEqualTo("unauthorized");

		// a bad token is a SOAP fault (not Spring Security's JSON 401)
		assertThat(fault(() -> client("not-a-token", false).createPet(create)).getKind()).isEqualTo(FaultKind.UNAUTHORIZED);
		assertThat(fault(() -> client("not-a-token", true).getInventory(new GetInventoryRequest())).getKind())
			.isEqualTo(FaultKind.UNAUTHORIZED);

		PlaceOrderRequest place = new PlaceOrderRequest();
		place.setPetId("not-a-uuid");
		PetstoreFault badId = fault(() -> client(user.token(), true).placeOrder(place));
		assertThat(badId.getKind()).isEqualTo(FaultKind.BAD_REQUEST);
		assertThat(badId.getMessage()).contains("petId");
		assertThat(fault(() -> anonymous.placeOrder(place)).getKind()).isEqualTo(FaultKind.UNAUTHORIZED);

		// REST's field errors: the same fields, messages and codes
		PetInput invalid = petInput("", "12.345");
		invalid.setAgeMonths(null);
		invalid.setCurrency("usd");
		create.setPet(invalid);
		PetstoreFault fields = fault(() -> client(user.token(), false).createPet(create));
		assertThat(fields.getKind()).isEqualTo(FaultKind.INVALID);
		assertThat(fields.getType()).isEqualTo("validation-error");
		assertThat(fields.getFieldError()).extracting(FieldError::getField, FieldError::getCode)
			.contains(org.assertj.core.groups.Tuple.tuple("ageMonths", "required"),
					org.assertj.core.groups.Tuple.tuple("currency", "invalid_format"),
					org.assertj.core.groups.Tuple.tuple("price", "invalid_format"));
		assertThat(fields.getFieldError()).extracting(FieldError::getField).contains("name");
		Reply rest = api.send("POST", "/v1/pets", "application/json",
				"{\"name\":\"\",\"species\":\"DOG\",\"price\":\"12.345\",\"currency\":\"usd\"}", "Authorization", "Bearer " + user.token());
		assertThat(rest.status()).isEqualTo(422);
		List<String> restFields = new java.util.ArrayList<>();
		rest.json().get("errors").forEach(error -> restFields.add(error.get("field").asString() + "/" + error.get("code").asString()));
		assertThat(fields.getFieldError()).extracting(error -> error.getField() + "/" + error.getCode())
			.containsExactlyInAnyOrderElementsOf(restFields);

		ListPetsRequest list = new ListPetsRequest();
		list.setLimit(500);
		assertThat(fault(() -> anonymous.listPets(list)).getKind()).isEqualTo(FaultKind.BAD_REQUEST);
		list.setLimit(null);
		list.setAgeMin(-1);
		assertThat(fault(() -> anonymous.listPets(list)).getKind()).isEqualTo(FaultKind.BAD_REQUEST);
	}

}
