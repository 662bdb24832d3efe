package io.petstore.classic.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.classic.IdAssigningSaver;
import io.petstore.classic.pet.PetService;
import io.petstore.tenancy.Tenant;

/** Classic orders: upsert by id like pets; the inventory counts pets by status. */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final PetService pets;

	private static final String ENTITY = "CLASSIC_ORDERS";

	private final IdAssigningSaver saver;

	private final AuditTrail audit;

	OrderService(OrderRepository orders, PetService pets, IdAssigningSaver saver, AuditTrail audit) {
		this.orders = orders;
		this.pets = pets;
		this.saver = saver;
		this.audit = audit;
	}

	public Map<String, Long> inventory(Tenant tenant) {
		return pets.countByStatus(tenant);
	}

	public Optional<Order> find(Tenant tenant, long id) {
		return orders.find(tenant, id);
	}

	public Order save(Tenant tenant, Order order) {
		return saver.save(order, order.hasId(), new IdAssigningSaver.Store<>("classic_order", tenant, item -> {
			Order before = orders.find(tenant, item.id()).orElse(null);
			orders.upsert(tenant, item);
			audit.record(tenant, before == null ? "ORDER_PLACED" : "ORDER_UPDATED", ENTITY, item.id(), before, item);
			return item;
		}, (item, id) -> {
			Order withId = item.withId(id);
			orders.insert(tenant, withId);
			audit.record(tenant, "ORDER_PLACED", ENTITY, id, null, withId);
			return withId;
		}));
	}

	@Transactional
	public boolean delete(Tenant tenant, long id) {
		Order before = orders.find(tenant, id).orElse(null);
		if (before == null || !orders.delete(tenant, id)) {
			return false;
		}
		audit.record(tenant, "ORDER_DELETED", ENTITY, id, before, null);
		return true;
	}

	@Transactional
	public void replaceAll(Tenant tenant, List<Order> seed) {
		orders.deleteAll(tenant);
		seed.forEach(order -> orders.upsert(tenant, order));
	}

}
