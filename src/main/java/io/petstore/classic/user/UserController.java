package io.petstore.classic.user;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.classic.ApiResponse;
import io.petstore.classic.ClassicApiException;
import io.petstore.classic.ClassicDateTime;
import io.petstore.signin.SignInLocked;
import io.petstore.tenancy.Tenant;

/** {@code /v2/user}: the eight user operations of the classic API. */
@RestController
@RequestMapping(path = "/v2/user", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
class UserController {


	private final UserService users;

	private final boolean strictAuth;

	private final boolean loginAnswersApiResponse;

	UserController(UserService users, @Value("${petstore.classic.strict-auth}") boolean strictAuth,
			@Value("${petstore.classic.login-body}") String loginBody) {
		this.users = users;
		this.strictAuth = strictAuth;
		this.loginAnswersApiResponse = "api-response".equals(loginBody);
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUser(Tenant tenant, @RequestBody User user) {
		return ApiResponse.of(200, String.valueOf(users.create(tenant, user)));
	}

	@PostMapping(path = "/createWithArray", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUsersWithArrayInput(Tenant tenant, @RequestBody List<User> list) {
		users.createAll(tenant, list);
		return ApiResponse.of(200, "ok");
	}

	@PostMapping(path = "/createWithList", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUsersWithListInput(Tenant tenant, @RequestBody List<User> list) {
		users.createAll(tenant, list);
		return ApiResponse.of(200, "ok");
	}

	/**
	 * loginUser: as in the reference, any credentials succeed unless strict mode is on, in which case
	 * the password must match the user's. No session is created. The body is the documented string
	 * ({@code petstore.classic.login-body=string}, the default) or, as petstore.swagger.io has
	 * answered since 2020, an ApiResponse ({@code api-response}).
	 */
	@GetMapping("/login")
	ResponseEntity<Object> loginUser(Tenant tenant, @RequestParam(name = "username", required = false) String username,
			@RequestParam(name = "password", required = false) String password) {
		if (strictAuth && !checkPassword(tenant, username, password)) {
			throw ClassicApiException.badRequest("Invalid username/password supplied");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String message = "logged in user session:" + now.toInstant().toEpochMilli();
		return ResponseEntity.ok()
			.header("X-Rate-Limit", "5000")
			.header("X-Expires-After", ClassicDateTime.format(now.plusHours(1)))
			.body(loginAnswersApiResponse ? ApiResponse.of(200, message) : new SessionMessage(message));
	}

	/** Strict mode's check; 429 with {@code Retry-After} while the sign-in brake holds the username or the address. */
	private boolean checkPassword(Tenant tenant, String username, String password) {
		try {
			return users.checkPassword(tenant, username, password);
		}
		catch (SignInLocked locked) {
			throw new ClassicApiException(HttpStatus.TOO_MANY_REQUESTS, ApiResponse.of(429, locked.getMessage()))
				.withHeader(HttpHeaders.RETRY_AFTER, locked.retryAfter());
		}
	}

	@GetMapping("/logout")
	ApiResponse logoutUser() {
		return ApiResponse.of(200, "ok");
	}

	@GetMapping("/{username}")
	User getUserByName(Tenant tenant, @PathVariable String username) {
		return users.find(tenant, username).orElseThrow(() -> ClassicApiException.notFound("User"));
	}

	/** updateUser: updates the user named in the path (404 if there is none), keeping its id. */
	@PutMapping(path = "/{username}", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse updateUser(Tenant tenant, @PathVariable String username, @RequestBody User user) {
		return ApiResponse.of(200, String.valueOf(users.update(tenant, username, user)));
	}

	@DeleteMapping("/{username}")
	ApiResponse deleteUser(Tenant tenant, @PathVariable String username) {
		if (!users.delete(tenant, username)) {
			throw ClassicApiException.notFound("User");
		}
		return ApiResponse.of(200, username);
	}

}
