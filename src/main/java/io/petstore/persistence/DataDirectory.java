package io.petstore.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The server's data folder ({@code petstore.data-dir}): the embedded H2 database and the secrets
 * key file live there. It is created readable by its owner only (0700) before the database opens,
 * and once the database has opened every file in it is made 0600, so a copy of the database is not
 * readable by other users of the machine. Files the database creates later sit in the 0700 folder.
 * On a file system without POSIX permissions (Windows) nothing is changed.
 */
@Component
public class DataDirectory implements BeanPostProcessor, EnvironmentAware, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private volatile Path path;

	@Override
	public void setEnvironment(Environment environment) {
		this.path = Path.of(environment.getProperty("petstore.data-dir", "./data")).toAbsolutePath().normalize();
	}

	/** The folder, created (0700) if missing. */
	public Path path() {
		prepare();
		return path;
	}

	/** Writes a new file readable by the owner only (created 0600, never readable by others in between). */
	public void writePrivateFile(Path file, byte[] content) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		catch (UnsupportedOperationException noPosix) {
			Files.createFile(file);
		}
		Files.write(file, content);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource) {
			prepare();
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// the database has opened (migrations ran): its files exist now
		if (!Files.isDirectory(path)) {
			return;
		}
		try (Stream<Path> files = Files.list(path)) {
			files.filter(Files::isRegularFile).forEach(file -> restrict(file, OWNER_FILE));
		}
		catch (IOException ex) {
			log.warn("Could not list {} to restrict its files' permissions", path, ex);
		}
	}

	private synchronized void prepare() {
		try {
			if (!Files.isDirectory(path)) {
				try {
					Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_DIR));
				}
				catch (UnsupportedOperationException noPosix) {
					Files.createDirectories(path);
				}
			}
			restrict(path, OWNER_DIR);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the data folder " + path, ex);
		}
	}

	private static void restrict(Path file, Set<PosixFilePermission> permissions) {
		try {
			if (!Files.getPosixFilePermissions(file).equals(permissions)) {
				Files.setPosixFilePermissions(file, permissions);
			}
		}
		catch (UnsupportedOperationException noPosix) {
			// not a POSIX file system
		}
		catch (IOException ex) {
			log.warn("Could not restrict the permissions of {}", file, ex);
		}
	}

}
