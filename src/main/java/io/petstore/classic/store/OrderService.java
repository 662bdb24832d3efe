package io.petstore.classic.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.classic.IdAssigningSaver;
import io.petstore.classic.pet.PetService;
import io.petstore.tenancy.Tenant;

/** Classic orders: upsert by id like pets; the inventory counts pets by status. */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final PetService pets;

	private final IdAssigningSaver saver;

	OrderService(OrderRepository orders, PetService pets, IdAssigningSaver saver) {
		this.orders = orders;
		this.pets = pets;
		this.saver = saver;
	}

	public Map<String, Long> inventory(Tenant tenant) {
		return pets.countByStatus(tenant);
	}

	public Optional<Order> find(Tenant tenant, long id) {
		return orders.find(tenant, id);
	}

	public Order save(Tenant tenant, Order order) {
		return saver.save(order, order.hasId(), new IdAssigningSaver.Store<>("classic_order", tenant, item -> {
			orders.upsert(tenant, item);
			return item;
		}, (item, id) -> {
			Order withId = item.withId(id);
			orders.insert(tenant, withId);
			return withId;
		}));
	}

	@Transactional
	public boolean delete(Tenant tenant, long id) {
		return orders.delete(tenant, id);
	}

	@Transactional
	public void replaceAll(Tenant tenant, List<Order> seed) {
		orders.deleteAll(tenant);
		seed.forEach(order -> orders.upsert(tenant, order));
	}

}
