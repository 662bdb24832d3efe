/**
 * The support chat over plain WebSocket (RFC 6455, Spring WebSocket on Jetty) at
 * {@code /v1/ws/chat}: JSON messages {@code {"type": ..., ...}} as
 * {@code src/main/resources/api/asyncapi.yaml} describes them. The handshake opens the call
 * context ({@code ?token=} or {@code Authorization: Bearer}, {@code ?tenant=} or
 * {@code X-Tenant-ID}) and refuses the upgrade with a problem body; each message is counted,
 * rate-limited per connection and handed to {@code supportchat.SupportChat}; the user's own order
 * and payment live events are pushed too. Owns no tables (docs/support-chat.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "WebSocket (support chat)")
package io.petstore.websocket;
