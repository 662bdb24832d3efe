package io.petstore.classic;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.classic.pet.Category;
import io.petstore.classic.pet.Pet;
import io.petstore.classic.pet.PetService;
import io.petstore.classic.pet.PetStatus;
import io.petstore.classic.pet.Tag;
import io.petstore.classic.store.Order;
import io.petstore.classic.store.OrderService;
import io.petstore.classic.store.OrderStatus;
import io.petstore.classic.user.User;
import io.petstore.classic.user.UserService;
import io.petstore.tenancy.TenantSeedRequested;
import io.petstore.persistence.Timestamps;

/**
 * The reference server's data at start: pets 1 to 10, orders 1 to 10, users 1 to 11 (see
 * docs/classic-v2.md). Written for a new tenant and again on reset, replacing all classic data.
 */
@Component
class ClassicSeedData {

	private static final String SEED_PASSWORD = "XXXXXXXXXXX";

	private final PetService pets;

	private final OrderService orders;

	private final UserService users;

	private volatile String seedPasswordHash;

	ClassicSeedData(PetService pets, OrderService orders, UserService users) {
		this.pets = pets;
		this.orders = orders;
		this.users = users;
	}

	@EventListener
	void seed(TenantSeedRequested event) {
		pets.replaceAll(event.tenant(), pets());
		orders.replaceAll(event.tenant(), orders(Timestamps.nowUtc()));
		users.replaceAllHashed(event.tenant(), users(), SEED_PASSWORD);
	}

	static List<Pet> pets() {
		Category dogs = new Category(1, "Dogs");
		Category cats = new Category(2, "Cats");
		Category rabbits = new Category(3, "Rabbits");
		Category lions = new Category(4, "Lions");
		return List.of(pet(1, cats, "Cat 1", "tag1", "tag2", PetStatus.AVAILABLE),
				pet(2, cats, "Cat 2", "tag2", "tag3", PetStatus.AVAILABLE),
				pet(3, cats, "Cat 3", "tag3", "tag4", PetStatus.PENDING),
				pet(4, dogs, "Dog 1", "tag1", "tag2", PetStatus.AVAILABLE),
				pet(5, dogs, "Dog 2", "tag2", "tag3", PetStatus.SOLD),
				pet(6, dogs, "Dog 3", "tag3", "tag4", PetStatus.PENDING),
				pet(7, lions, "Lion 1", "tag1", "tag2", PetStatus.AVAILABLE),
				pet(8, lions, "Lion 2", "tag2", "tag3", PetStatus.AVAILABLE),
				pet(9, lions, "Lion 3", "tag3", "tag4", PetStatus.AVAILABLE),
				pet(10, rabbits, "Rabbit 1", "tag3", "tag4", PetStatus.AVAILABLE));
	}

	private static Pet pet(long id, Category category, String name, String tag1, String tag2, PetStatus status) {
		return new Pet(id, category, name, List.of("url1", "url2"), List.of(new Tag(1, tag1), new Tag(2, tag2)), status.wire());
	}

	static List<Order> orders(OffsetDateTime shipDate) {
		List<Order> list = new ArrayList<>();
		list.add(new Order(1L, 1, 2, shipDate, OrderStatus.PLACED.wire(), false));
		list.add(new Order(2L, 1, 2, shipDate, OrderStatus.DELIVERED.wire(), false));
		list.add(new Order(3L, 2, 2, shipDate, OrderStatus.PLACED.wire(), false));
		list.add(new Order(4L, 2, 2, shipDate, OrderStatus.DELIVERED.wire(), false));
		for (long id = 5; id <= 10; id++) {
			list.add(new Order(id, 3, 2, shipDate, OrderStatus.PLACED.wire(), false));
		}
		return list;
	}

	private List<User> users() {
		if (seedPasswordHash == null) {
			seedPasswordHash = users.hash(SEED_PASSWORD);
		}
		List<User> list = new ArrayList<>();
		int[] statuses = { 1, 2, 3, 1, 2, 3, 1, 2, 3, 1 };
		for (int i = 1; i <= 10; i++) {
			list.add(new User((long) i, "user" + i, "first name " + i, "last name " + i, "email" + i + "@test.com",
					seedPasswordHash, "123-456-7890", statuses[i - 1]));
		}
		list.add(new User(11L, "user?10", "first name ?10", "last name ?10", "email101@test.com", seedPasswordHash,
				"123-456-7890", 1));
		return list;
	}

}
