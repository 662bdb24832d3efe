package io.petstore.supportchat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code supportchat_conversation}, {@code supportchat_message}, {@code supportchat_delivery}. */
@Repository
class ChatRepository {

	private static final String CONVERSATION = "id, tenant_id, customer_id, customer_username, agent_id, agent_username, subject, status, "
			+ "created_at, updated_at";

	private static final String MESSAGE = "id, conversation_id, sender_id, sender_username, sender_role, content, client_message_id, sent_at";

	private final JdbcClient jdbc;

	ChatRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, Conversation conversation) {
		jdbc.sql("INSERT INTO supportchat_conversation (" + CONVERSATION + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(conversation.id(), tenant.id(), conversation.customer().id(), conversation.customer().username(), null, null,
					conversation.subject(), conversation.status().name(), time(conversation.createdAt()), time(conversation.updatedAt()))
			.update();
	}

	Optional<Conversation> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + CONVERSATION + " FROM supportchat_conversation WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(ChatRepository::conversation)
			.optional();
	}

	/** The conversation, its row locked until the transaction ends (assignments take turns). */
	Optional<Conversation> findForUpdate(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + CONVERSATION + " FROM supportchat_conversation WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query(ChatRepository::conversation)
			.optional();
	}

	void assign(Tenant tenant, UUID id, Participant agent, Instant at) {
		jdbc.sql("UPDATE supportchat_conversation SET agent_id = ?, agent_username = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
			.params(agent.id(), agent.username(), time(at), tenant.id(), id)
			.update();
	}

	void touch(Tenant tenant, UUID id, Instant at) {
		jdbc.sql("UPDATE supportchat_conversation SET updated_at = ? WHERE tenant_id = ? AND id = ?")
			.params(time(at), tenant.id(), id)
			.update();
	}

	void insert(Tenant tenant, ChatMessage message) {
		jdbc.sql("INSERT INTO supportchat_message (tenant_id, " + MESSAGE + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), message.id(), message.conversationId(), message.sender().id(), message.sender().username(),
					message.sender().role().name(), message.content(), message.clientMessageId(), time(message.sentAt()))
			.update();
	}

	Optional<ChatMessage> findMessage(Tenant tenant, UUID conversationId, UUID id) {
		return jdbc.sql("SELECT " + MESSAGE + " FROM supportchat_message WHERE tenant_id = ? AND conversation_id = ? AND id = ?")
			.params(tenant.id(), conversationId, id)
			.query(ChatRepository::message)
			.optional();
	}

	Optional<ChatMessage> findByClientId(Tenant tenant, UUID conversationId, UUID senderId, String clientMessageId) {
		return jdbc.sql("SELECT " + MESSAGE + " FROM supportchat_message WHERE tenant_id = ? AND conversation_id = ? AND sender_id = ? "
				+ "AND client_message_id = ?")
			.params(tenant.id(), conversationId, senderId, clientMessageId)
			.query(ChatRepository::message)
			.optional();
	}

	/** The last {@code limit} messages, oldest first. */
	List<ChatMessage> last(Tenant tenant, UUID conversationId, int limit) {
		List<ChatMessage> newestFirst = jdbc.sql("SELECT " + MESSAGE + " FROM supportchat_message WHERE tenant_id = ? AND conversation_id = ? "
				+ "ORDER BY sent_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
			.params(tenant.id(), conversationId, limit)
			.query(ChatRepository::message)
			.list();
		List<ChatMessage> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** Records a delivery once; answers whether this was the first time. */
	boolean delivered(Tenant tenant, UUID messageId, UUID userId, Instant at) {
		Integer known = jdbc.sql("SELECT COUNT(*) FROM supportchat_delivery WHERE tenant_id = ? AND message_id = ? AND user_id = ?")
			.params(tenant.id(), messageId, userId)
			.query(Integer.class)
			.single();
		if (known > 0) {
			return false;
		}
		try {
			jdbc.sql("INSERT INTO supportchat_delivery (tenant_id, message_id, user_id, delivered_at) VALUES (?, ?, ?, ?)")
				.params(tenant.id(), messageId, userId, time(at))
				.update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException concurrent) {
			return false;
		}
	}

	private static Conversation conversation(ResultSet rs, int row) throws SQLException {
		UUID agentId = rs.getObject("agent_id", UUID.class);
		return new Conversation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
				new Participant(rs.getObject("customer_id", UUID.class), rs.getString("customer_username")),
				agentId == null ? null : new Participant(agentId, rs.getString("agent_username")), rs.getString("subject"),
				ConversationStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static ChatMessage message(ResultSet rs, int row) throws SQLException {
		return new ChatMessage(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				new Sender(rs.getObject("sender_id", UUID.class), rs.getString("sender_username"),
						SenderRole.valueOf(rs.getString("sender_role"))),
				rs.getString("content"), rs.getObject("sent_at", OffsetDateTime.class).toInstant(), rs.getString("client_message_id"));
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
