/**
 * Support chat: customer-support conversations between a signed-in user (the customer) and support
 * agents (users with the STAFF or ADMIN role), answered by the pet-care advisor while no agent has
 * taken the conversation. Owns {@code supportchat_conversation}, {@code supportchat_message} and
 * {@code supportchat_delivery}. {@link io.petstore.supportchat.SupportChat} is the protocol-neutral
 * API the WebSocket and Socket.IO adapters call; what happens in a conversation is published on
 * {@code live.LiveEvents} (topics {@code chat.*}, payloads this package's {@link
 * io.petstore.supportchat.ChatEvent} records), so it reaches participants connected to any
 * instance; adapters read it through {@link io.petstore.supportchat.SupportChat#eventsFor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support chat (conversations, messages)")
package io.petstore.supportchat;
