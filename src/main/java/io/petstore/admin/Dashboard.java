package io.petstore.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.account.AccountAdmin;
import io.petstore.account.UserStats;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;
import io.petstore.auth.Admin;
import io.petstore.payment.Payments;
import io.petstore.store.OrderAdmin;
import io.petstore.store.OrderStats;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * Assembles the dashboard from each module's figures. Every figure is one grouped query in its
 * module (counted by the database, on indexes), so the cost grows with the number of groups and
 * days, not much with the number of rows.
 */
@Service
public class Dashboard {

	static final int MAX_DAYS = 366;

	static final int DEFAULT_DAYS = 30;

	private final PetCatalog catalog;

	private final OrderAdmin orders;

	private final AccountAdmin accounts;

	private final Payments payments;

	Dashboard(PetCatalog catalog, OrderAdmin orders, AccountAdmin accounts, Payments payments) {
		this.catalog = catalog;
		this.orders = orders;
		this.accounts = accounts;
		this.payments = payments;
	}

	@Transactional(readOnly = true)
	public DashboardStats stats(Admin admin, LocalDate from, LocalDate to) {
		Tenant tenant = admin.tenant();
		LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
		LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw DomainException.badRequest("Invalid range: 'from' must not be after 'to'.");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw DomainException.badRequest("Invalid range: at most " + MAX_DAYS + " days.");
		}
		Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

		Map<PetStatus, Map<Species, Long>> pets = catalog.countByStatusAndSpecies(tenant);
		Map<PetStatus, Long> petsByStatus = new EnumMap<>(PetStatus.class);
		Map<Species, Long> petsBySpecies = new EnumMap<>(Species.class);
		pets.forEach((status, bySpecies) -> bySpecies.forEach((species, n) -> {
			petsByStatus.merge(status, n, Long::sum);
			petsBySpecies.merge(species, n, Long::sum);
		}));

		OrderStats orderStats = orders.stats(admin, start, end);
		UserStats userStats = accounts.stats(admin, start, end);
		List<DashboardStats.Day> daily = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			daily.add(new DashboardStats.Day(day, userStats.newPerDay().getOrDefault(day, 0L),
					orderStats.newPerDay().getOrDefault(day, 0L)));
		}
		return new DashboardStats(first, last, new DashboardStats.Pets(sum(petsByStatus), petsByStatus, petsBySpecies, pets),
				new DashboardStats.Orders(sum(orderStats.byStatus()), orderStats.byStatus(), sum(orderStats.newPerDay())),
				new DashboardStats.Users(sum(userStats.byStatus()), userStats.byStatus(), sum(userStats.newPerDay())),
				payments.revenue(admin, start, end), daily, Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	private static long sum(Map<?, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
