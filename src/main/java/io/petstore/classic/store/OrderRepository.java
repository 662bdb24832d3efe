package io.petstore.classic.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code classic_order}. Callers hold the transaction. */
@Repository
class OrderRepository {

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Order> find(Tenant tenant, long id) {
		return jdbc.sql("SELECT id, pet_id, quantity, ship_date, status, complete FROM classic_order WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(OrderRepository::map)
			.optional();
	}

	void upsert(Tenant tenant, Order order) {
		int updated = jdbc.sql("UPDATE classic_order SET pet_id = ?, quantity = ?, ship_date = ?, status = ?, complete = ? "
				+ "WHERE tenant_id = ? AND id = ?")
			.params(order.petId(), order.quantity(), order.shipDate(), status(order), order.complete(), tenant.id(), order.id())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO classic_order (tenant_id, id, pet_id, quantity, ship_date, status, complete) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(tenant.id(), order.id(), order.petId(), order.quantity(), order.shipDate(), status(order), order.complete())
				.update();
		}
	}

	void insert(Tenant tenant, Order order) {
		jdbc.sql("INSERT INTO classic_order (tenant_id, id, pet_id, quantity, ship_date, status, complete) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), order.id(), order.petId(), order.quantity(), order.shipDate(), status(order), order.complete())
			.update();
	}

	boolean delete(Tenant tenant, long id) {
		return jdbc.sql("DELETE FROM classic_order WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update() == 1;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM classic_order WHERE tenant_id = ?").param(tenant.id()).update();
	}

	private static String status(Order order) {
		return order.status();
	}

	private static Order map(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getLong("id"), rs.getLong("pet_id"), rs.getInt("quantity"),
				rs.getObject("ship_date", OffsetDateTime.class),
				rs.getString("status"), rs.getBoolean("complete"));
	}

}
