package io.petstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * One server for the Pet Store API family. Beans are named by their fully qualified class name:
 * the classic and modern modules both have a {@code PetController}, each in its own package.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
public class PetstoreApplication {

	public static void main(String[] args) {
		// perf-obs: G1 gives memory back when idle (JvmMemoryDefaults), set before the heap fills
		var memoryDefaults = JvmMemoryDefaults.apply(args);
		SpringApplication.run(PetstoreApplication.class, args);
		if (!memoryDefaults.isEmpty()) {
			org.slf4j.LoggerFactory.getLogger(PetstoreApplication.class)
				.info("JVM memory defaults set (docs/performance.md): {}", memoryDefaults);
		}
	}

}
