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
import io.petstore.classic.ClassicMode;
import io.petstore.signin.SignInLocked;
import io.petstore.tenancy.Tenant;

/** {@code /v2/user}: the eight user operations of the classic API. */
@RestController
@RequestMapping(path = "/v2/user", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE })
class UserController {


	private final UserService users;

	private final boolean strict;

	private final boolean loginAnswersApiResponse;

	UserController(UserService users, ClassicMode mode, @Value("${petstore.classic.login-body:}") String loginBody) {
		this.users = users;
		this.strict = mode.strict();
		String body = loginBody == null ? "" : loginBody.trim();
		if (!body.isEmpty() && !body.equals("api-response") && !body.equals("string")) {
			throw new IllegalArgumentException("petstore.classic.login-body must be 'api-response' or 'string', not '" + loginBody + "'");
		}
		this.loginAnswersApiResponse = body.isEmpty() ? mode.reference() : body.equals("api-response");
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUser(Tenant tenant, @RequestBody User user) {
		if (!strict && nameless(user)) {
			// the reference answers 200 with the body's id and stores nothing
			return ApiResponse.of(200, String.valueOf(user.id() == null ? 0 : user.id()));
		}
		return ApiResponse.of(200, String.valueOf(users.create(tenant, user)));
	}

	/** Reference mode skips the users without a username in a batch (as the reference); strict mode refuses the batch. */
	private List<User> batch(List<User> list) {
		return strict ? list : list.stream().filter(user -> user == null || !nameless(user)).toList();
	}

	private static boolean nameless(User user) {
		return user.username() == null || user.username().isBlank();
	}

	@PostMapping(path = "/createWithArray", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUsersWithArrayInput(Tenant tenant, @RequestBody List<User> list) {
		users.createAll(tenant, batch(list));
		return ApiResponse.of(200, "ok");
	}

	@PostMapping(path = "/createWithList", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse createUsersWithListInput(Tenant tenant, @RequestBody List<User> list) {
		users.createAll(tenant, batch(list));
		return ApiResponse.of(200, "ok");
	}

	/**
	 * loginUser: as in the reference, any credentials succeed unless strict mode is on, in which case
	 * the password must match the user's. No session is created. The body is, as petstore.swagger.io
	 * answers, an ApiResponse ({@code petstore.classic.login-body=api-response}, the default in
	 * reference mode) or the documented string ({@code string}, the default in strict mode).
	 */
	@GetMapping("/login")
	ResponseEntity<Object> loginUser(Tenant tenant, @RequestParam(name = "username", required = false) String username,
			@RequestParam(name = "password", required = false) String password) {
		if (strict && !checkPassword(tenant, username, password)) {
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
		// the reference returns the password as sent (client suites compare it); strict mode never does
		return (strict ? users.find(tenant, username) : users.findWithPassword(tenant, username))
			.orElseThrow(() -> ClassicApiException.notFound("User"));
	}

	/**
	 * updateUser: updates the user named in the path, keeping its id. When there is none, the
	 * reference stores the body's user (200 with its id; the path's username when the body has
	 * none); strict mode answers 404.
	 */
	@PutMapping(path = "/{username}", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	ApiResponse updateUser(Tenant tenant, @PathVariable String username, @RequestBody User user) {
		if (!strict && users.find(tenant, username).isEmpty()) {
			if (username.isBlank() || username.length() > 255 || username.chars().anyMatch(Character::isISOControl)) {
				// the reference ignores the path; a path that cannot name a user is refused as documented
				throw ClassicApiException.badRequest("Invalid user supplied: '" + username + "' is not a username");
			}
			String name = user.username() == null || user.username().isBlank() ? username : user.username();
			return ApiResponse.of(200, String.valueOf(users.create(tenant, new User(user.id(), name, user.firstName(),
					user.lastName(), user.email(), user.password(), user.phone(), user.userStatus()))));
		}
		return ApiResponse.of(200, String.valueOf(users.update(tenant, username, user)));
	}

	/** deleteUser: an unknown user is a 404, with an empty body as in the reference (strict: the not-found ApiResponse). */
	@DeleteMapping("/{username}")
	ResponseEntity<ApiResponse> deleteUser(Tenant tenant, @PathVariable String username) {
		if (!users.delete(tenant, username)) {
			if (!strict) {
				return ResponseEntity.notFound().build();
			}
			throw ClassicApiException.notFound("User");
		}
		return ResponseEntity.ok(ApiResponse.of(200, username));
	}

}
