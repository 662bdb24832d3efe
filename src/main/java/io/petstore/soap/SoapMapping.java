package io.petstore.soap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.petstore.catalog.MedicalInfo;
import io.petstore.catalog.Pet;
import io.petstore.soap.xml.Order;
import io.petstore.soap.xml.Pagination;

/** The modules' records as the XSD's types (the same fields as REST's JSON; amounts as decimal strings). */
final class SoapMapping {

	private static final DatatypeFactory DATES;

	static {
		try {
			DATES = DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SoapMapping() {
	}

	static io.petstore.soap.xml.Pet pet(Pet pet) {
		io.petstore.soap.xml.Pet xml = new io.petstore.soap.xml.Pet();
		xml.setId(text(pet.id()));
		xml.setName(pet.name());
		xml.setSpecies(name(pet.species()));
		xml.setBreed(pet.breed());
		xml.setAgeMonths(pet.ageMonths());
		xml.setSize(name(pet.size()));
		xml.setColor(pet.color());
		xml.setGender(name(pet.gender()));
		xml.setGoodWithKids(pet.goodWithKids());
		xml.setPrice(amount(pet.price()));
		xml.setCurrency(pet.currency());
		xml.setDescription(pet.description());
		xml.setStatus(name(pet.status()));
		MedicalInfo medical = pet.medicalInfo();
		if (medical != null) {
			io.petstore.soap.xml.MedicalInfo info = new io.petstore.soap.xml.MedicalInfo();
			info.setVaccinated(medical.vaccinated());
			info.setSpayedNeutered(medical.spayedNeutered());
			info.setMicrochipped(medical.microchipped());
			info.setSpecialNeeds(medical.specialNeeds());
			info.setHealthNotes(medical.healthNotes());
			xml.setMedicalInfo(info);
		}
		if (pet.photos() != null) {
			xml.getPhoto().addAll(pet.photos());
		}
		xml.setTenantId(text(pet.tenantId()));
		xml.setCreatedAt(time(pet.createdAt()));
		xml.setUpdatedAt(time(pet.updatedAt()));
		return xml;
	}

	static Order order(io.petstore.store.Order order) {
		Order xml = new Order();
		xml.setId(text(order.id()));
		xml.setPetId(text(order.petId()));
		xml.setUserId(text(order.userId()));
		xml.setStatus(name(order.status()));
		xml.setTotalAmount(amount(order.totalAmount()));
		xml.setCurrency(order.currency());
		xml.setTenantId(text(order.tenantId()));
		xml.setCreatedAt(time(order.createdAt()));
		xml.setUpdatedAt(time(order.updatedAt()));
		return xml;
	}

	static Pagination pagination(io.petstore.v1.Pagination pagination) {
		Pagination xml = new Pagination();
		xml.setPage(pagination.page());
		xml.setLimit(pagination.limit());
		xml.setTotalItems(pagination.totalItems());
		xml.setTotalPages(pagination.totalPages());
		return xml;
	}

	private static String text(UUID id) {
		return id == null ? null : id.toString();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String amount(BigDecimal amount) {
		return amount == null ? null : amount.toPlainString();
	}

	private static XMLGregorianCalendar time(Instant instant) {
		return instant == null ? null : DATES.newXMLGregorianCalendar(instant.toString());
	}

}
