package io.petstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map in {@code docs/modules/} is what Spring Modulith's {@link Documenter} writes from
 * the code (a component diagram of all modules, one per module with its neighbours, and a canvas
 * per module: its beans, events published and listened to, settings), never kept by hand. This test
 * writes it afresh under {@code target/} and fails when the committed copy differs; refresh it with
 * {@code ./mvnw test -Dtest=ModuleDocsTest -Dpetstore.docs.write=true}.
 */
class ModuleDocsTest {

	private static final Path COMMITTED = Path.of("docs", "modules");

	private static final Path FRESH = Path.of("target", "module-docs");

	@Test
	void committedModuleMapIsWhatTheCodeSays() throws IOException {
		new Documenter(ApplicationModules.of(PetstoreApplication.class),
				Documenter.Options.defaults().withOutputFolder(FRESH.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		List<String> stale = new ArrayList<>();
		TreeSet<String> names = new TreeSet<>(list(FRESH));
		names.addAll(list(COMMITTED));
		for (String name : names) {
			Path fresh = FRESH.resolve(name);
			Path committed = COMMITTED.resolve(name);
			if (!Files.exists(fresh) || !Files.exists(committed)
					|| !lines(fresh).equals(lines(committed))) {
				stale.add(name);
			}
		}
		if (!stale.isEmpty() && Boolean.getBoolean("petstore.docs.write")) {
			write(stale);
			return;
		}
		assertThat(stale).as("docs/modules/ differs from the code in these files; refresh with "
				+ "./mvnw test -Dtest=ModuleDocsTest -Dpetstore.docs.write=true").isEmpty();
		assertThat(names).contains("components.puml", "module-catalog.puml", "module-catalog.adoc");
	}

	/** Copies the stale files only, so that a refresh does not reorder the lines of the others. */
	private static void write(List<String> stale) throws IOException {
		Files.createDirectories(COMMITTED);
		for (String name : stale) {
			if (Files.exists(FRESH.resolve(name))) {
				Files.copy(FRESH.resolve(name), COMMITTED.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				Files.delete(COMMITTED.resolve(name));
			}
		}
	}

	/** Documenter writes relations and beans in no fixed order: the same lines in any order are the same map. */
	private static List<String> lines(Path file) throws IOException {
		// the Documenter lists a module's events in no fixed order, the first item of a table cell
		// marked with "|": compare the items, not their places
		return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line).sorted().toList();
	}

	private static List<String> list(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
