package io.petstore.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/reset}: restores the seed data of every API family for the tenant named by
 * {@code X-Tenant-ID}, or for the shared pool without it. A tenant's reset is open to anyone who
 * knows the tenant id (the id is the test run's own secret). The shared pool's reset is open too,
 * unless {@code petstore.admin.key} is set; then the request must carry it as {@code X-Admin-Key}.
 */
@RestController
class ResetController {

	private final TenantService tenants;

	private final String adminKey;

	ResetController(TenantService tenants, @Value("${petstore.admin.key:}") String adminKey) {
		this.tenants = tenants;
		this.adminKey = adminKey;
	}

	@PostMapping(path = "/admin/reset", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> reset(@RequestHeader(name = Tenant.HEADER, required = false) String tenantHeader,
			@RequestHeader(name = "X-Admin-Key", required = false) String key) {
		Tenant tenant;
		try {
			tenant = Tenant.fromHeader(tenantHeader);
		}
		catch (InvalidTenantException ex) {
			return ResponseEntity.badRequest().body(Map.of("status", 400, "message", ex.getMessage()));
		}
		if (tenant.isShared() && !adminKey.isEmpty() && !keyMatches(key)) {
			HttpStatus status = key == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
			return ResponseEntity.status(status)
				.body(Map.of("status", status.value(), "message", "resetting the shared pool needs X-Admin-Key"));
		}
		tenants.reset(tenant);
		return ResponseEntity.ok(Map.of("tenant", tenant.id().toString(), "reset", true));
	}

	private boolean keyMatches(String key) {
		return key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
				adminKey.getBytes(StandardCharsets.UTF_8));
	}

}
