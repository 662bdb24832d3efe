package io.petstore.supportchat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.advisor.PetAdvisor;
import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.persistence.Timestamps;
import io.petstore.v1.Ids;

/**
 * The advisor's answers while no agent has taken a conversation: off the caller's thread (a small
 * pool with a bounded queue), from the conversation's last messages, stored and published as a
 * message of sender role ADVISOR. A reply whose conversation an agent took meanwhile is dropped.
 */
@Component
class AdvisorReplies implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(AdvisorReplies.class);

	/** How many of the last messages the advisor reads. */
	static final int CONTEXT = 20;

	static final String ADVISOR_NAME = "pet-advisor";

	private final ObjectProvider<PetAdvisor> advisors;

	private final ChatRepository repository;

	private final ChatLog log;

	private final TransactionTemplate tx;

	private final int maxTokens;

	private final ThreadPoolExecutor pool;

	AdvisorReplies(ObjectProvider<PetAdvisor> advisors, ChatRepository repository, ChatLog log, TransactionTemplate tx,
			@Value("${petstore.chat.advisor.max-tokens:400}") int maxTokens,
			@Value("${petstore.chat.advisor.threads:2}") int threads) {
		this.advisors = advisors;
		this.repository = repository;
		this.log = log;
		this.tx = tx;
		this.maxTokens = maxTokens;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), runnable -> {
			Thread thread = new Thread(runnable, "chat-advisor-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Queues the advisor's reply to the conversation's latest messages; never blocks the caller. */
	void replyLater(CallContext call, UUID conversationId) {
		try {
			pool.execute(() -> {
				try {
					reply(call, conversationId);
				}
				catch (RuntimeException ex) {
					LOG.warn("The advisor's reply in conversation {} failed: {}", conversationId, ex.toString());
				}
			});
		}
		catch (RejectedExecutionException busy) {
			LOG.warn("The advisor is busy: conversation {} gets no reply to its latest message", conversationId);
		}
	}

	private void reply(CallContext call, UUID conversationId) {
		PetAdvisor advisor = advisors.getIfAvailable();
		if (advisor == null) {
			return;
		}
		List<ChatMessage> history = repository.last(call.tenant(), conversationId, CONTEXT);
		List<PetAdvisor.Turn> turns = new ArrayList<>();
		for (ChatMessage message : history) {
			turns.add(new PetAdvisor.Turn(message.sender().role() == SenderRole.CUSTOMER ? PetAdvisor.Role.USER : PetAdvisor.Role.ASSISTANT,
					message.content()));
		}
		PetAdvisor.Reply reply = CallContexts.within(call, () -> advisor.reply(call, turns, maxTokens));
		if (reply == null || reply.content() == null || reply.content().isBlank()) {
			return;
		}
		CallContexts.within(call, () -> tx.executeWithoutResult(status -> {
			Conversation conversation = repository.find(call.tenant(), conversationId).orElse(null);
			if (conversation == null || conversation.agent() != null) {
				return;
			}
			String content = reply.content().length() > 16000 ? reply.content().substring(0, 16000) : reply.content();
			log.record(call.tenant(), conversation, new ChatMessage(Ids.newId(), conversationId,
					new Sender(null, ADVISOR_NAME, SenderRole.ADVISOR), content, Timestamps.now(), null));
		}));
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
