package io.petstore.account;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.petstore.v1.StrictJson;

/**
 * The body of registration and of an update. On registration username, email, firstName, lastName
 * and password are required; an update changes only the properties it sends (a password included).
 * Read-only properties echoed back from a GET are accepted and ignored.
 */
@StrictJson
public record UserInput(
		UUID id,
		@Size(min = 3, max = 50) @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "may contain letters, digits, '.', '_' and '-' only") String username,
		@Email @Size(max = 254) String email,
		@Size(min = 1, max = 100) String firstName,
		@Size(min = 1, max = 100) String lastName,
		@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password,
		@Pattern(regexp = "^\\+?[1-9]\\d{1,14}$", message = "must be an E.164 phone number such as +18638982053") String phone,
		@Valid Preferences preferences,
		UUID tenantId,
		Instant createdAt,
		Instant updatedAt) {

	/** Registration needs these; an update does not. */
	java.util.List<io.petstore.v1.FieldIssue> missingForRegistration() {
		java.util.List<io.petstore.v1.FieldIssue> missing = new java.util.ArrayList<>();
		require(missing, "email", email);
		require(missing, "firstName", firstName);
		require(missing, "lastName", lastName);
		require(missing, "password", password);
		require(missing, "username", username);
		return missing;
	}

	private static void require(java.util.List<io.petstore.v1.FieldIssue> missing, String field, String value) {
		if (value == null || value.isBlank()) {
			missing.add(new io.petstore.v1.FieldIssue(field, "is required", "required"));
		}
	}

}
