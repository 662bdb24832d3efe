package io.petstore.tenancy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates tenants on first use (seeding their data) and resets them. The set of tenants known to
 * exist is only a cache: the {@code tenant} table is the truth, so several instances can share one
 * database.
 */
@Service
public class TenantService {

	private final TenantRepository tenants;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Set<UUID> known = ConcurrentHashMap.newKeySet();

	TenantService(TenantRepository tenants, TransactionTemplate tx, ApplicationEventPublisher events) {
		this.tenants = tenants;
		this.tx = tx;
		this.events = events;
	}

	/** Seeds the shared pool at the first start of a new database. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void seedSharedPoolOnFirstStart() {
		ensureExists(Tenant.SHARED);
	}

	/** Makes sure the tenant exists, creating and seeding it in one transaction if it does not. */
	public void ensureExists(Tenant tenant) {
		if (known.contains(tenant.id())) {
			return;
		}
		if (!tenants.exists(tenant.id())) {
			try {
				tx.executeWithoutResult(status -> {
					tenants.insert(tenant.id(), OffsetDateTime.now(ZoneOffset.UTC));
					events.publishEvent(new TenantSeedRequested(tenant, false));
				});
			}
			catch (DuplicateKeyException raced) {
				// Another request (or instance) created it concurrently; its seed has committed.
			}
		}
		known.add(tenant.id());
	}

	/** Restores the seed data of one tenant (or of the shared pool), discarding everything else. */
	public void reset(Tenant tenant) {
		ensureExists(tenant);
		tx.executeWithoutResult(status -> events.publishEvent(new TenantSeedRequested(tenant, true)));
	}

}
