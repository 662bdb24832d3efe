package io.petstore.classic.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.classic.IdAssigningSaver;
import io.petstore.classic.pet.PetService;
import io.petstore.tenancy.Tenant;

/** Classic orders: upsert by id like pets; the inventory counts pets by status. */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final PetService pets;

	private final TransactionTemplate tx;

	OrderService(OrderRepository orders, PetService pets, TransactionTemplate tx) {
		this.orders = orders;
		this.pets = pets;
		this.tx = tx;
	}

	public Map<String, Long> inventory(Tenant tenant) {
		return pets.countByStatus(tenant);
	}

	@Transactional(readOnly = true)
	public Optional<Order> find(Tenant tenant, long id) {
		return orders.find(tenant, id);
	}

	public Order save(Tenant tenant, Order order) {
		return IdAssigningSaver.save(tx, order, order.hasId(), new IdAssigningSaver.Store<>() {

			@Override
			public Order upsert(Order item) {
				orders.upsert(tenant, item);
				return item;
			}

			@Override
			public Order insertWithSequenceId(Order item) {
				return item.withId(orders.insertWithGeneratedId(tenant, item));
			}

			@Override
			public Order insertWithNextFreeId(Order item) {
				return upsert(item.withId(orders.nextFreeId(tenant)));
			}

		});
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
