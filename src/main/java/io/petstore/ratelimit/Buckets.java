package io.petstore.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The token buckets, one per client key. On PostgreSQL they are rows of {@code rate_limit_bucket}
 * (Bucket4j's select-for-update proxy), shared by every instance; expired rows are removed in the
 * background. Otherwise they live in this JVM.
 * <p>
 * A stored bucket keeps the configuration it was created with, so each is stored with the
 * generation of the settings ({@link SettingsGenerations}): when the server starts with other
 * settings, a bucket of an older generation takes the new ones at its next use
 * ({@link TokensInheritanceStrategy#ADDITIVE}): lowering the limit leaves a client at most the new
 * limit for the rest of the window; raising it adds the difference to what the client has left.
 */
@Component
class Buckets {

	private static final Logger log = LoggerFactory.getLogger(Buckets.class);

	private final RateLimitProperties properties;

	private final BucketConfiguration configuration;

	private final ProxyManager<String> shared;

	/** Builds the shared buckets, replacing the configuration of those stored by older settings. */
	private final RemoteBucketBuilder<String> sharedBuilder;

	private final Map<String, Bucket> local = new ConcurrentHashMap<>();

	Buckets(RateLimitProperties properties, DataSource dataSource, SettingsGenerations generations) {
		this.properties = properties;
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.requests())
				.refillIntervally(properties.requests(), properties.window()))
			.build();
		this.shared = usePostgres(properties.store(), dataSource)
				? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_limit_bucket")
					.idColumn("id")
					.stateColumn("state")
					.expiresAtColumn("expires_at")
					.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(properties.window()))
					.build()
				: null;
		this.sharedBuilder = shared == null ? null
				: shared.builder().withImplicitConfigurationReplacement(generations.current(configuration.toString()),
						TokensInheritanceStrategy.ADDITIVE);
		log.info("rate limit: {} requests per {} per client, buckets in {}", properties.requests(), properties.window(),
				shared != null ? "PostgreSQL" : "memory");
	}

	long limit() {
		return properties.requests();
	}

	ConsumptionProbe tryConsume(String key) {
		Bucket bucket = shared != null ? sharedBuilder.build(key, configurationSupplier())
				: local.computeIfAbsent(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
		return bucket.tryConsumeAndReturnRemaining(1);
	}

	private Supplier<BucketConfiguration> configurationSupplier() {
		return () -> configuration;
	}

	/** Drops buckets that have refilled completely (they hold no information). */
	@Scheduled(fixedDelayString = "${petstore.rate-limit.cleanup-interval:PT1M}")
	void cleanUp() {
		if (shared instanceof io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner cleaner) {
			try {
				while (cleaner.removeExpired(1000) >= 1000) {
					// keep going while full batches are removed
				}
			}
			catch (RuntimeException ex) {
				log.warn("could not remove expired rate-limit buckets: {}", ex.getMessage());
			}
		}
		local.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= properties.requests());
	}

	private static boolean usePostgres(String store, DataSource dataSource) {
		if (store.equals("memory")) {
			return false;
		}
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
			if (store.equals("database") && !postgres) {
				throw new IllegalStateException("petstore.rate-limit.store=database needs PostgreSQL");
			}
			return postgres;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database this is", ex);
		}
	}

}
