package io.petstore.soap;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import javax.xml.transform.Source;

import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;

import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetFilter;
import io.petstore.catalog.PetSize;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;
import io.petstore.soap.xml.CreatePetRequest;
import io.petstore.soap.xml.CreatePetResponse;
import io.petstore.soap.xml.DeletePetRequest;
import io.petstore.soap.xml.DeletePetResponse;
import io.petstore.soap.xml.GetPetRequest;
import io.petstore.soap.xml.GetPetResponse;
import io.petstore.soap.xml.ListPetsRequest;
import io.petstore.soap.xml.ListPetsResponse;
import io.petstore.soap.xml.UpdatePetRequest;
import io.petstore.soap.xml.UpdatePetResponse;
import io.petstore.v1.DomainException;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/**
 * Pets: GetPet, ListPets (the filters and pagination of {@code GET /v1/pets}), CreatePet, UpdatePet,
 * DeletePet, through {@link PetCatalog} (which checks write:pets and the token's tenant).
 */
@Endpoint
class PetSoapEndpoint {

	private final SoapCalls calls;

	private final SoapInput inputs;

	private final PetCatalog catalog;

	PetSoapEndpoint(SoapCalls calls, SoapInput inputs, PetCatalog catalog) {
		this.calls = calls;
		this.inputs = inputs;
		this.catalog = catalog;
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "GetPetRequest")
	@ResponsePayload
	GetPetResponse getPet(@RequestPayload Source payload) {
		return calls.run("GetPet", payload, GetPetRequest.class, (call, request) -> {
			GetPetResponse response = new GetPetResponse();
			response.setPet(SoapMapping.pet(catalog.get(call.tenant(), Ids.parse(request.getId(), "id"))));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "ListPetsRequest")
	@ResponsePayload
	ListPetsResponse listPets(@RequestPayload Source payload) {
		return calls.run("ListPets", payload, ListPetsRequest.class, (call, request) -> {
			nonNegative("ageMin", request.getAgeMin());
			nonNegative("ageMax", request.getAgeMax());
			Set<PetStatus> statuses = SoapInput.values("status", request.getStatus(), PetStatus.class);
			PetFilter filter = new PetFilter(SoapInput.values("species", request.getSpecies(), Species.class),
					statuses == null ? EnumSet.of(PetStatus.AVAILABLE) : statuses, request.getAgeMin(), request.getAgeMax(),
					SoapInput.values("size", request.getSize(), PetSize.class), request.isGoodWithKids(), null, null, null, null,
					false);
			PageResult<Pet> page = catalog.find(call.tenant(), filter, PageRequest.of(request.getPage(), request.getLimit()));
			ListPetsResponse response = new ListPetsResponse();
			page.data().forEach(pet -> response.getPet().add(SoapMapping.pet(pet)));
			response.setPagination(SoapMapping.pagination(page.pagination()));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "CreatePetRequest")
	@ResponsePayload
	CreatePetResponse createPet(@RequestPayload Source payload) {
		return calls.run("CreatePet", payload, CreatePetRequest.class, (call, request) -> {
			CreatePetResponse response = new CreatePetResponse();
			response.setPet(SoapMapping.pet(catalog.create(call, inputs.pet(request.getPet()))));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "UpdatePetRequest")
	@ResponsePayload
	UpdatePetResponse updatePet(@RequestPayload Source payload) {
		return calls.run("UpdatePet", payload, UpdatePetRequest.class, (call, request) -> {
			UUID id = Ids.parse(request.getId(), "id");
			UpdatePetResponse response = new UpdatePetResponse();
			response.setPet(SoapMapping.pet(catalog.replace(call, id, inputs.pet(request.getPet()))));
			return response;
		});
	}

	@PayloadRoot(namespace = SoapConfig.NAMESPACE, localPart = "DeletePetRequest")
	@ResponsePayload
	DeletePetResponse deletePet(@RequestPayload Source payload) {
		return calls.run("DeletePet", payload, DeletePetRequest.class, (call, request) -> {
			catalog.delete(call, Ids.parse(request.getId(), "id"));
			return new DeletePetResponse();
		});
	}

	private static void nonNegative(String name, Integer value) {
		if (value != null && value < 0) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "': must be 0 or more.");
		}
	}

}
