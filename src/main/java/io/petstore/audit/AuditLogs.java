package io.petstore.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.auth.Admin;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.DomainException;

/** Reads the audit log (the Admin API's audit-log operations; administrators only). There is no way to change it. */
@Service
@Transactional(readOnly = true)
public class AuditLogs {

	private final AuditLogRepository log;

	AuditLogs(AuditLogRepository log) {
		this.log = log;
	}

	/** Newest first. */
	public PageResult<AuditLog> find(Admin admin, AuditFilter filter, PageRequest page) {
		Tenant tenant = admin.tenant();
		long total = log.count(tenant, filter);
		List<AuditLog> data = total <= page.offset() ? List.of() : log.find(tenant, filter, page.offset(), page.limit());
		return PageResult.of(data, page, total);
	}

	public AuditLog get(Admin admin, UUID id) {
		return log.find(admin.tenant(), id).orElseThrow(() -> DomainException.notFound("audit log", id));
	}

}
