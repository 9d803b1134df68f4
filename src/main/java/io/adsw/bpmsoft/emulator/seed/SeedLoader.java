package io.adsw.bpmsoft.emulator.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the seed named by {@code emulator.seed} before the stand starts answering.
 * Loading is an upsert (contacts by id or email, approvals by id), so restarting with the
 * same seed changes nothing, and all of it happens in one transaction: a bad seed leaves
 * the data as it was.
 */
@Component
public class SeedLoader implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(SeedLoader.class);

	/**
	 * A Spring resource prefix such as {@code file:} or {@code classpath:}, not a drive
	 * letter.
	 */
	private static final Pattern RESOURCE_PREFIX = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.*-]+:.*");

	private final SeedProperties properties;

	private final ResourceLoader resourceLoader;

	private final Seeds seeds;

	SeedLoader(SeedProperties properties, ResourceLoader resourceLoader, Seeds seeds) {
		this.properties = properties;
		this.resourceLoader = resourceLoader;
		this.seeds = seeds;
	}

	/**
	 * Puts the stand's contacts and approvals back to the configured seed: all of them
	 * deleted and the seed loaded again, in one transaction; none left when no seed is
	 * configured. The seed is read first, since QA may have edited or moved the file
	 * since the start: a seed that can no longer be loaded leaves the data as it was.
	 * @throws SeedException when the seed cannot be read or is invalid
	 */
	public void reset() {
		String location = configuredLocation();
		if (location == null) {
			this.seeds.deleteAll();
			return;
		}
		SeedDocument seed = read(location);
		this.seeds.replace(seed, location);
		logger.info("Loaded seed {} again: {} contacts, {} approvals", location, seed.contactList().size(),
				seed.approvalList().size());
	}

	@Override
	public void afterSingletonsInstantiated() {
		String location = configuredLocation();
		if (location == null) {
			return;
		}
		SeedDocument seed = read(location);
		this.seeds.apply(seed, location);
		logger.info("Loaded seed {}: {} contacts, {} approvals", location, seed.contactList().size(),
				seed.approvalList().size());
	}

	private @Nullable String configuredLocation() {
		String location = this.properties.seed();
		return (location == null || location.isBlank()) ? null : location.strip();
	}

	private SeedDocument read(String location) {
		boolean path = !RESOURCE_PREFIX.matcher(location).matches();
		Resource resource = path ? new FileSystemResource(location) : this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			// The local stand's demo seed is a relative path: the usual cause is a jar
			// started
			// from another folder than the project's.
			throw new SeedException(location, (path && !Path.of(location).isAbsolute())
					? "there is no such file in " + Path.of("").toAbsolutePath()
							+ " (a relative path is read from the folder the stand was started in; start it from the "
							+ "project's folder, or give emulator.seed another path, or an empty one for no seed)"
					: "there is no such file");
		}
		try {
			return SeedFormat.read(resource.getInputStream(), !location.toLowerCase(Locale.ROOT).endsWith(".json"),
					location);
		}
		catch (IOException ex) {
			throw new SeedException(location, ex.getMessage(), ex);
		}
	}

}
