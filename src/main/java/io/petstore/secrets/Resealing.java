package io.petstore.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Once at start, after the database is migrated and before requests are served (every bean exists,
 * the web server has not started): every {@link Resealable} seals again, under the current key, its
 * values sealed under a previous key or still in the clear. Logs how many per module. A value that
 * cannot be opened (its key is not configured) stops the start, as reading it would fail later.
 */
@Component
class Resealing implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Resealing.class);

	private final SecretSeal seal;

	private final ObjectProvider<Resealable> resealables;

	Resealing(SecretSeal seal, ObjectProvider<Resealable> resealables) {
		this.seal = seal;
		this.resealables = resealables;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		resealables.orderedStream().forEach(resealable -> counts.merge(resealable.sealedValues(), resealable.reseal(seal), Integer::sum));
		log.info("Secrets at rest: values sealed again under key {}: {}", seal.currentKeyId(), counts);
	}

}
