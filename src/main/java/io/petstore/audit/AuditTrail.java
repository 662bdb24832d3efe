package io.petstore.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Caller;
import io.petstore.auth.Origin;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;
import io.petstore.persistence.Timestamps;

/**
 * Appends audit records. Every module calls {@link #record} from inside the transaction of its
 * change (it refuses to run without one), so a change and its record commit or roll back together.
 * Who acted and from where is taken from the call being served ({@link CallContexts#current()}:
 * its verified token and origin, whatever the protocol), or what {@link #actingAs} named, or
 * {@link #withOrigin} for work that no caller asked for (mail arriving over SMTP).
 */
@Service
public class AuditTrail {

	private static final String ACTOR_ATTRIBUTE = AuditTrail.class.getName() + ".actor";

	private static final String ACTOR_USER_ATTRIBUTE = AuditTrail.class.getName() + ".user";

	private static final ThreadLocal<AuditOrigin> ORIGIN = new ThreadLocal<>();

	private final AuditLogRepository log;

	private final Changes changes;

	AuditTrail(AuditLogRepository log, Changes changes) {
		this.log = log;
		this.changes = changes;
	}

	/**
	 * Records that an entity changed.
	 * @param action what happened, e.g. {@code PET_CREATED}, {@code ORDER_CANCELLED}
	 * @param entityType e.g. {@code PETS}, {@code ORDERS}, {@code CLASSIC_PETS}
	 * @param before the entity before (null when it was created); a record, a bean or a map
	 * @param after the entity after (null when it was deleted)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Tenant tenant, String action, String entityType, Object entityId, Object before, Object after) {
		HttpServletRequest request = currentRequest();
		CallContext call = CallContexts.current().orElse(null);
		AuditOrigin origin = ORIGIN.get();
		UUID userId = null;
		String actor;
		Optional<Caller> caller = call != null ? call.caller() : request == null ? Optional.empty() : Caller.current();
		if (caller.isPresent()) {
			userId = caller.get().userId();
			actor = "user:" + caller.get().username();
		}
		else if (request != null && request.getAttribute(ACTOR_ATTRIBUTE) instanceof String named) {
			actor = named;
			userId = (UUID) request.getAttribute(ACTOR_USER_ATTRIBUTE);
		}
		else if (call != null) {
			actor = call.actor();
		}
		else if (origin != null) {
			actor = origin.actor();
		}
		else {
			actor = request == null ? "system" : "anonymous";
		}
		String protocol;
		String line;
		String address;
		String agent;
		if (call != null) {
			protocol = call.origin().protocol();
			line = call.origin().request();
			address = call.origin().clientAddress();
			agent = call.origin().userAgent();
		}
		else if (request != null) {
			Origin http = Origin.http(request);
			protocol = http.protocol();
			line = http.request();
			address = http.clientAddress();
			agent = http.userAgent();
		}
		else {
			protocol = origin != null ? origin.protocol() : "INTERNAL";
			line = origin != null ? origin.request() : null;
			address = origin != null ? origin.clientAddress() : null;
			agent = null;
		}
		log.insert(new AuditLog(Ids.newId(), action, userId, actor, entityType, String.valueOf(entityId),
				changes.between(before, after), protocol, line, address, agent, tenant.isShared() ? null : tenant.id(),
				Timestamps.now()), tenant);
	}

	/**
	 * Names who acts for the rest of the current request when no bearer token says it (an Inboxes
	 * API key's owner, say).
	 */
	public static void actingAs(String actor) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ACTOR_ATTRIBUTE, actor, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Names the Modern API user who acts for the rest of the current request (one signing in, say). */
	public static void actingAsUser(UUID userId, String username) {
		actingAs("user:" + username);
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ACTOR_USER_ATTRIBUTE, userId, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Runs work that is not an HTTP request (an SMTP delivery, say), recording changes as coming from there. */
	public static <T> T withOrigin(AuditOrigin origin, Supplier<T> work) {
		AuditOrigin outer = ORIGIN.get();
		ORIGIN.set(origin);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				ORIGIN.remove();
			}
			else {
				ORIGIN.set(outer);
			}
		}
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}

}
