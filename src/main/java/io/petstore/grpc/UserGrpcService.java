package io.petstore.grpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

import io.petstore.account.Accounts;
import io.petstore.account.Preferences;
import io.petstore.account.TokenSubject;
import io.petstore.account.User;
import io.petstore.account.UserInput;
import io.petstore.auth.Caller;
import io.petstore.auth.IssuedToken;
import io.petstore.auth.Scopes;
import io.petstore.auth.TokenService;
import io.petstore.grpc.v1.CreateTokenRequest;
import io.petstore.grpc.v1.CreateTokenResponse;
import io.petstore.grpc.v1.DeleteMeRequest;
import io.petstore.grpc.v1.GetMeRequest;
import io.petstore.grpc.v1.RegisterUserRequest;
import io.petstore.grpc.v1.UpdateMeRequest;
import io.petstore.grpc.v1.UserServiceGrpc;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * {@code petstore.v1.UserService} over {@link Accounts}; tokens as {@code POST /v1/auth/tokens}
 * issues them ({@link Accounts#signIn}: the sign-in brake and its audit, then {@link TokenService#issue}).
 * A taken username or email (CONFLICT) is ALREADY_EXISTS here.
 */
@GrpcService
class UserGrpcService implements UserServiceGrpc.AsyncService, io.grpc.BindableService {

	private final Accounts accounts;

	private final TokenService tokens;

	private final InputValidation validation;

	UserGrpcService(Accounts accounts, TokenService tokens, InputValidation validation) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.validation = validation;
	}

	/** The service's definition, with malformed requests answered INVALID_ARGUMENT ({@link MalformedMessages}). */
	@Override
	public io.grpc.ServerServiceDefinition bindService() {
		return MalformedMessages.guarded(UserServiceGrpc.bindService(this));
	}

	@Override
	public void registerUser(RegisterUserRequest request, StreamObserver<io.petstore.grpc.v1.User> response) {
		Calls.unary(response, Status.Code.ALREADY_EXISTS, call -> {
			UserInput input = new UserInput(null, Wire.given(request.getUsername()), Wire.given(request.getEmail()),
					Wire.given(request.getFirstName()), Wire.given(request.getLastName()), Wire.given(request.getPassword()),
					Wire.given(request.getPhone()), request.hasPreferences() ? preferences(request.getPreferences()) : null, null,
					null, null);
			return toWire(accounts.register(call.tenant(), validation.valid(input, List.of())));
		});
	}

	@Override
	public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> response) {
		Calls.unary(response, call -> {
			List<FieldIssue> issues = new ArrayList<>();
			required(issues, "password", request.getPassword(), 128);
			required(issues, "username", request.getUsername(), 50);
			if (!issues.isEmpty()) {
				throw DomainException.invalid(issues);
			}
			Set<String> scopes = new LinkedHashSet<>(request.getScopesCount() == 0 ? Scopes.ALL : request.getScopesList());
			for (String scope : scopes) {
				if (!Scopes.ALL.contains(scope)) {
					throw DomainException.invalid("scopes", "unknown scope '" + scope + "': use any of " + Scopes.ALL, "invalid_enum");
				}
			}
			TokenSubject subject = accounts.signIn(call.tenant(), request.getUsername(), request.getPassword());
			IssuedToken token = tokens.issue(subject.userId(), subject.username(), call.tenant(), scopes, subject.tokenEpoch());
			return CreateTokenResponse.newBuilder().setToken(token.token()).setExpiresAt(Wire.timestamp(token.expiresAt())).build();
		});
	}

	@Override
	public void getMe(GetMeRequest request, StreamObserver<io.petstore.grpc.v1.User> response) {
		Calls.unary(response, call -> {
			Caller caller = call.user();
			return toWire(accounts.get(caller, caller.userId()));
		});
	}

	@Override
	public void updateMe(UpdateMeRequest request, StreamObserver<io.petstore.grpc.v1.User> response) {
		Calls.unary(response, Status.Code.ALREADY_EXISTS, call -> {
			Caller caller = call.user();
			UserInput input = new UserInput(null, request.hasUsername() ? request.getUsername() : null,
					request.hasEmail() ? request.getEmail() : null, request.hasFirstName() ? request.getFirstName() : null,
					request.hasLastName() ? request.getLastName() : null, request.hasPassword() ? request.getPassword() : null,
					request.hasPhone() ? request.getPhone() : null,
					request.hasPreferences() ? preferences(request.getPreferences()) : null, null, null, null);
			return toWire(accounts.update(caller, caller.userId(), validation.valid(input, List.of())));
		});
	}

	@Override
	public void deleteMe(DeleteMeRequest request, StreamObserver<Empty> response) {
		Calls.unary(response, call -> {
			Caller caller = call.user();
			accounts.delete(caller, caller.userId());
			return Empty.getDefaultInstance();
		});
	}

	/** As the token request's constraints: not blank, at most max characters. */
	private static void required(List<FieldIssue> issues, String field, String value, int max) {
		if (value.isBlank()) {
			issues.add(new FieldIssue(field, "must not be blank", "required"));
		}
		else if (value.length() > max) {
			issues.add(new FieldIssue(field, "size must be between 0 and " + max, "invalid_length"));
		}
	}

	private static Preferences preferences(io.petstore.grpc.v1.Preferences preferences) {
		return new Preferences(preferences.hasNewsletter() ? preferences.getNewsletter() : null,
				preferences.hasNotifications() ? preferences.getNotifications() : null);
	}

	static io.petstore.grpc.v1.User toWire(User user) {
		io.petstore.grpc.v1.User.Builder out = io.petstore.grpc.v1.User.newBuilder()
			.setId(user.id().toString())
			.setUsername(user.username())
			.setEmail(Wire.text(user.email()))
			.setFirstName(Wire.text(user.firstName()))
			.setLastName(Wire.text(user.lastName()))
			.setPhone(Wire.text(user.phone()))
			.setTenantId(Wire.text(user.tenantId()));
		if (user.preferences() != null) {
			io.petstore.grpc.v1.Preferences.Builder preferences = io.petstore.grpc.v1.Preferences.newBuilder();
			if (user.preferences().newsletter() != null) {
				preferences.setNewsletter(user.preferences().newsletter());
			}
			if (user.preferences().notifications() != null) {
				preferences.setNotifications(user.preferences().notifications());
			}
			out.setPreferences(preferences);
		}
		if (user.createdAt() != null) {
			out.setCreatedAt(Wire.timestamp(user.createdAt()));
		}
		if (user.updatedAt() != null) {
			out.setUpdatedAt(Wire.timestamp(user.updatedAt()));
		}
		return out.build();
	}

}
