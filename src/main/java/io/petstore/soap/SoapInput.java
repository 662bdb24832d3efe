package io.petstore.soap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import io.petstore.catalog.Gender;
import io.petstore.catalog.MedicalInfo;
import io.petstore.catalog.PetInput;
import io.petstore.catalog.PetSize;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.V1Errors;

/**
 * SOAP payloads to the modules' input records, checked as REST checks its bodies: an unknown enum
 * value is {@code invalid_enum} (REST's JSON reading), then the record's constraints through the
 * {@link Validator} bean (Spring's adapter, so the field names are REST's: {@code medicalInfo.healthNotes},
 * {@code photos[0]}), the constraint codes mapped as {@code v1.V1Errors} maps them.
 */
@Component
class SoapInput {

	private final SpringValidatorAdapter validator;

	SoapInput(Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	/** The REST body of createPet/updatePet, from the SOAP one; INVALID with each field at fault. */
	PetInput pet(io.petstore.soap.xml.PetInput xml) {
		if (xml == null) {
			throw DomainException.invalid("pet", "must not be null", "required");
		}
		List<FieldIssue> issues = new ArrayList<>();
		Species species = value("species", xml.getSpecies(), Species.class, issues);
		PetSize size = value("size", xml.getSize(), PetSize.class, issues);
		Gender gender = value("gender", xml.getGender(), Gender.class, issues);
		PetStatus status = value("status", xml.getStatus(), PetStatus.class, issues);
		if (!issues.isEmpty()) {
			throw DomainException.invalid(issues);
		}
		io.petstore.soap.xml.MedicalInfo medical = xml.getMedicalInfo();
		PetInput input = new PetInput(null, xml.getName(), species, xml.getBreed(), xml.getAgeMonths(), size, xml.getColor(),
				gender, xml.isGoodWithKids(), xml.getPrice(), xml.getCurrency(), xml.getDescription(), status,
				medical == null ? null : new MedicalInfo(medical.isVaccinated(), medical.isSpayedNeutered(),
						medical.isMicrochipped(), medical.isSpecialNeeds(), medical.getHealthNotes()),
				xml.getPhoto().isEmpty() ? null : List.copyOf(xml.getPhoto()), null, null, null);
		validate(input, "petInput");
		return input;
	}

	/** The values of a repeated filter element; an unknown one is a BAD_REQUEST, as REST's query parameter. */
	static <E extends Enum<E>> Set<E> values(String parameter, List<String> raw, Class<E> type) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		Set<E> values = new LinkedHashSet<>();
		for (String part : raw) {
			try {
				values.add(Enum.valueOf(type, part.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.badRequest("Invalid value for parameter '" + parameter + "'. Must be one of: "
						+ EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
			}
		}
		return values;
	}

	private static <E extends Enum<E>> E value(String field, String raw, Class<E> type, List<FieldIssue> issues) {
		if (raw == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, raw);
		}
		catch (IllegalArgumentException ex) {
			String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
			issues.add(new FieldIssue(field, "invalid value '" + raw + "': must be one of " + allowed, "invalid_enum"));
			return null;
		}
	}

	private void validate(Object input, String name) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(input, name);
		validator.validate(input, result);
		if (!result.hasErrors()) {
			return;
		}
		List<FieldIssue> issues = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			issues.add(new FieldIssue(error.getField(), error.getDefaultMessage(), V1Errors.code(error.getCode())));
		}
		result.getGlobalErrors()
			.forEach(error -> issues.add(new FieldIssue(error.getObjectName(), error.getDefaultMessage(), V1Errors.code(error.getCode()))));
		issues.sort(Comparator.comparing(FieldIssue::field));
		throw new DomainException(DomainException.Kind.INVALID, "validation-error", "The request body is invalid: "
				+ issues.stream().map(i -> i.field() + ": " + i.message()).collect(Collectors.joining("; ")), issues);
	}

}
