package io.adsw.bpmsoft.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Refuses to start under a profile that is neither a stand (dev, prod) nor configured
 * anywhere: {@code prd} for {@code prod} would otherwise start the local stand, with its
 * demo key, demo data and demo user, while whoever started it believes it the prod stand.
 * A profile of a team's own is taken as soon as a configuration names it: its own file
 * ({@code application-<profile>.yml}), a document activated on it, or a profile group
 * (its name and its members).
 */
public class StandProfileCheck implements EnvironmentPostProcessor, Ordered {

	private static final Set<String> STANDS = Set.of("dev", "prod");

	/** One profile of an expression such as {@code !dev & !prod}, with its negation. */
	private static final Pattern PROFILE_IN_EXPRESSION = Pattern.compile("(!?)\\s*([^\\s!&|(),]+)");

	@Override
	public int getOrder() {
		// After the configuration files have been read, before the secrets are decrypted
		// for a stand that would be the wrong one.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> unknown = new ArrayList<>();
		for (String profile : profiles(environment)) {
			if (!STANDS.contains(profile) && !configured(environment, profile)) {
				unknown.add(profile);
			}
		}
		if (unknown.isEmpty()) {
			return;
		}
		String names = unknown.stream().map((profile) -> "'" + profile + "'").collect(Collectors.joining(", "));
		throw new UnknownSettingException((unknown.size() == 1 ? "The profile " + names + " is"
				: "The profiles " + names + " are")
				+ " no stand and no configuration of the stand's: the stands are dev and prod, and the local stand"
				+ " is started without a profile",
				"Start with --spring.profiles.active=dev or prod, or without it for the local stand. A profile of"
						+ " your own needs a configuration that names it, such as config/application-" + unknown.get(0)
						+ ".yml.");
	}

	private static List<String> profiles(ConfigurableEnvironment environment) {
		if (environment.getActiveProfiles().length > 0) {
			return List.of(environment.getActiveProfiles());
		}
		return Arrays.stream(environment.getDefaultProfiles())
			.filter((profile) -> !AbstractEnvironment.RESERVED_DEFAULT_PROFILE_NAME.equals(profile))
			.toList();
	}

	private static boolean configured(ConfigurableEnvironment environment, String profile) {
		Map<String, String[]> groups = Binder.get(environment)
			.bind("spring.profiles.group", Bindable.mapOf(String.class, String[].class))
			.orElse(Map.of());
		if (groups.containsKey(profile)
				|| groups.values().stream().flatMap(Arrays::stream).map(String::strip).anyMatch(profile::equals)) {
			return true;
		}
		Pattern ownFile = ownFile(environment, profile);
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ownFile.matcher(source.getName()).find()) {
				return true;
			}
			if (source.getProperty("spring.config.activate.on-profile") instanceof CharSequence expression
					&& names(expression.toString(), profile)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The name Spring Boot gives the property source of a profile's own file, such as
	 * {@code Config resource 'file [config/application-dev.yml]' via location ...}.
	 */
	private static Pattern ownFile(ConfigurableEnvironment environment, String profile) {
		String configNames = Arrays
			.stream(StringUtils
				.commaDelimitedListToStringArray(environment.getProperty("spring.config.name", "application")))
			.map(String::strip)
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		return Pattern
			.compile("[\\[/\\\\](?:" + configNames + ")-" + Pattern.quote(profile) + "\\.(?:properties|xml|ya?ml)\\]");
	}

	/** Whether a profile expression activates on the profile (not on its absence). */
	private static boolean names(String expression, String profile) {
		Matcher matcher = PROFILE_IN_EXPRESSION.matcher(expression);
		while (matcher.find()) {
			if (matcher.group(1).isEmpty() && matcher.group(2).equals(profile)) {
				return true;
			}
		}
		return false;
	}

}
