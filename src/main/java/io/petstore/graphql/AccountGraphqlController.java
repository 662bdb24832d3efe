package io.petstore.graphql;

import java.util.List;

import graphql.GraphQLContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.petstore.account.Accounts;
import io.petstore.account.SignInTokens;
import io.petstore.account.User;
import io.petstore.account.UserInput;
import io.petstore.auth.Caller;
import io.petstore.auth.IssuedToken;
import io.petstore.store.Order;
import io.petstore.store.Orders;
import io.petstore.v1.PageResult;

/**
 * Accounts: the mutations {@code register}, {@code createToken}, {@code updateMe}, {@code deleteMe};
 * the query {@code me} and its {@code User.orders}. As {@code account.UserController} and
 * {@code account.TokenController} (REST): the same sign-in path (brake, audit).
 */
@Controller
class AccountGraphqlController {

	/** createToken's arguments, checked as REST checks its body. */
	record TokenArgs(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 128) String password) {
	}

	private final Accounts accounts;

	private final SignInTokens tokens;

	private final Orders orders;

	private final GraphqlCalls calls;

	AccountGraphqlController(Accounts accounts, SignInTokens tokens, Orders orders, GraphqlCalls calls) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.orders = orders;
		this.calls = calls;
	}

	@MutationMapping
	IssuedToken register(@Argument UserInput input, GraphQLContext context) {
		UserInput valid = calls.valid(input);
		return GraphqlCalls.run(context, call -> tokens.forNewUser(call.tenant(), accounts.register(call.tenant(), valid)));
	}

	@MutationMapping
	IssuedToken createToken(@Argument String username, @Argument String password, @Argument List<String> scopes,
			GraphQLContext context) {
		calls.valid(new TokenArgs(username, password));
		return GraphqlCalls.run(context, call -> tokens.signIn(call.tenant(), username, password, scopes));
	}

	@QueryMapping
	User me(GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Caller caller = call.user();
			return accounts.get(caller, caller.userId());
		});
	}

	@MutationMapping
	User updateMe(@Argument UserInput input, GraphQLContext context) {
		UserInput valid = calls.valid(input);
		return GraphqlCalls.run(context, call -> {
			Caller caller = call.user();
			return accounts.update(caller, caller.userId(), valid);
		});
	}

	@MutationMapping
	boolean deleteMe(GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Caller caller = call.user();
			accounts.delete(caller, caller.userId());
			return true;
		});
	}

	/** The caller's own orders (a User is only ever the caller: {@code me}). */
	@SchemaMapping(typeName = "User", field = "orders")
	PageResult<Order> orders(User user, @Argument Integer page, @Argument Integer limit, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orders.findOwn(call.user(), null, GraphqlCalls.page(page, limit)));
	}

}
