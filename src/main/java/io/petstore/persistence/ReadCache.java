package io.petstore.persistence;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers of hot reads, kept as the bytes that were sent, per data set (a module's table, a
 * constant) and tenant, and valid only while that data set has not changed since they were
 * computed.
 * <p>
 * Each data set of a tenant has a generation, a number that goes up after every transaction that
 * wrote to it has ended ({@link #changed}, called by the module's own writes). An answer is stored
 * with the generation read <em>before</em> its query ran and used only while the generation is still
 * that one. So a writer never reads stale data back: its transaction has committed and moved the
 * generation on before its own response is sent, and a read whose query may have missed the commit
 * stored its answer under the old generation, which no longer matches.
 * <p>
 * The generations live in this JVM, so the cache is on only where no other process can write the
 * same database: {@code petstore.read-cache=auto} (the default) turns it on for an H2 file or
 * in-memory database opened by this server alone (not with {@code AUTO_SERVER}), and off for
 * PostgreSQL, where several instances may share the data (there, every read goes to the database);
 * {@code on} and {@code off} force it.
 */
@Component
public class ReadCache {

	private static final Logger log = LoggerFactory.getLogger(ReadCache.class);

	/** The answers' bytes, at most this many in all. */
	private static final long MAX_BYTES = 32L * 1024 * 1024;

	private record Key(String dataSet, UUID tenant, String request) {
	}

	private record Answer(long generation, byte[] body) {
	}

	private record DataSet(String name, UUID tenant) {
	}

	private final boolean enabled;

	private final ConcurrentHashMap<DataSet, Long> generations = new ConcurrentHashMap<>();

	private final Cache<Key, Answer> answers = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((Key key, Answer answer) -> answer.body().length + 64)
		.build();

	ReadCache(@Value("${petstore.read-cache:auto}") String mode, @Value("${spring.datasource.url:}") String url) {
		this.enabled = switch (mode.trim().toLowerCase(Locale.ROOT)) {
			case "on", "true" -> true;
			case "off", "false" -> false;
			default -> singleWriter(url);
		};
		log.info("read cache for hot reads: {}", enabled ? "on (this server is the database's only writer)"
				: "off (petstore.read-cache=" + mode + ", database " + url.replaceAll("[;?].*", "") + ")");
	}

	private static boolean singleWriter(String url) {
		String u = url.toUpperCase(Locale.ROOT);
		return u.startsWith("JDBC:H2:") && !u.startsWith("JDBC:H2:TCP:") && !u.startsWith("JDBC:H2:SSL:")
				&& !u.contains("AUTO_SERVER=TRUE");
	}

	public boolean enabled() {
		return enabled;
	}

	/**
	 * The stored answer to this request of the tenant's data set, or the one {@code load} computes
	 * (stored unless null). With the cache off, always {@code load}'s.
	 */
	public byte[] get(String dataSet, UUID tenant, String request, Supplier<byte[]> load) {
		if (!enabled) {
			return load.get();
		}
		long generation = generation(dataSet, tenant);
		Key key = new Key(dataSet, tenant, request);
		Answer stored = answers.getIfPresent(key);
		if (stored != null && stored.generation() == generation) {
			return stored.body();
		}
		byte[] body = load.get();
		if (body != null) {
			answers.put(key, new Answer(generation, body));
		}
		return body;
	}

	/**
	 * The tenant's data set is being written: once the current transaction has ended (committed or
	 * not), or at once outside one, its stored answers are no longer used.
	 */
	public void changed(String dataSet, UUID tenant) {
		if (!enabled) {
			return;
		}
		DataSet set = new DataSet(dataSet, tenant);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					advance(set);
				}
			});
		}
		else {
			advance(set);
		}
	}

	private void advance(DataSet set) {
		generations.merge(set, 1L, Long::sum);
	}

	private long generation(String dataSet, UUID tenant) {
		return generations.getOrDefault(new DataSet(dataSet, tenant), 0L);
	}

}
