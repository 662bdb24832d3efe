package io.petstore.audit;

/**
 * Where a change comes from when it does not come from an HTTP request (mail arriving over SMTP,
 * say): see {@link AuditTrail#withOrigin}.
 * @param protocol {@code SMTP}, ...
 * @param actor who acts, e.g. {@code smtp:sender@example.com}
 * @param clientAddress the peer's address, if any
 * @param request what was asked, e.g. {@code DATA}
 */
public record AuditOrigin(String protocol, String actor, String clientAddress, String request) {
}
