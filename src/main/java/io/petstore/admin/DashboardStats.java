package io.petstore.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.petstore.account.UserStatus;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;
import io.petstore.payment.Revenue;
import io.petstore.store.OrderStatus;

/**
 * The dashboard's figures: pets, orders and users as they are now; revenue and new users and
 * orders per UTC day over the range {@code from}..{@code to} (both days included).
 */
record DashboardStats(LocalDate from, LocalDate to, Pets pets, Orders orders, Users users, List<Revenue> revenue,
		List<Day> daily, Instant generatedAt) {

	record Pets(long total, Map<PetStatus, Long> byStatus, Map<Species, Long> bySpecies,
			Map<PetStatus, Map<Species, Long>> byStatusAndSpecies) {
	}

	record Orders(long total, Map<OrderStatus, Long> byStatus, long newInRange) {
	}

	record Users(long total, Map<UserStatus, Long> byStatus, long newInRange) {
	}

	record Day(LocalDate date, long newUsers, long newOrders) {
	}

}
