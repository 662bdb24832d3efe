package io.petstore.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.TenantSeedRequested;

/** A reset restores a tenant's seed data: recorded in its transaction. The audit log itself is kept. */
@Component
class TenantResetAudit {

	private final AuditTrail audit;

	TenantResetAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void reset(TenantSeedRequested event) {
		if (event.reset()) {
			audit.record(event.tenant(), "TENANT_RESET", "TENANTS", event.tenant().id(), Map.of("data", "as it was"),
					Map.of("data", "seed data"));
		}
	}

}
