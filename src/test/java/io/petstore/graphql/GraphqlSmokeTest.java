package io.petstore.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphqlSmokeTest extends GraphqlTestSupport {

	@Test
	void petsAndOrders() {
		graphql().document("{ pets(limit: 2) { data { id name price status createdAt } pagination { page limit totalItems totalPages } } }")
			.execute()
			.path("pets.data").entityList(Object.class).hasSize(2)
			.path("pets.pagination.limit").entity(Integer.class).isEqualTo(2);
		String token = registerUser(uniqueName("smoke"));
		String pet = availablePet();
		var response = graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id status totalAmount pet { id status } payment { id } } }")
			.variable("pet", pet)
			.execute();
		response.path("placeOrder.status").entity(String.class).isEqualTo("PLACED");
		response.path("placeOrder.pet.id").entity(String.class).isEqualTo(pet);
		graphql(token).document("{ me { username orders { data { id } } } myOrders { data { id status } } }").execute()
			.path("myOrders.data").entityList(Object.class).hasSize(1);
		assertThat(STATEMENTS.get()).isPositive();
	}

}
