package io.adsw.bpmsoft.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.adsw.bpmsoft.emulator.crypto.MasterKey;
import io.adsw.bpmsoft.emulator.crypto.SecretsEnvironmentPostProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with an {@code emulator.*} setting that no part of the stand reads:
 * Spring Boot ignores such a line, and {@code --emulator.elma.enforce-oder=false} would
 * leave the order enforced while QA believes it off. Runs once every settings record is
 * bound, before the web server starts. An environment variable is only warned about: the
 * environment holds variables of others too (Kubernetes names one {@code EMULATOR_PORT}
 * for a service called emulator).
 */
@Component
class UnknownSettingsCheck implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(UnknownSettingsCheck.class);

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("emulator");

	/** Settings read without a settings record, by the secrets' post-processor. */
	private static final Set<ConfigurationPropertyName> READ_DIRECTLY = Set.of(
			ConfigurationPropertyName.of(SecretsEnvironmentPostProcessor.REQUIRE_ENCRYPTED),
			ConfigurationPropertyName.of("emulator.secrets.decrypted"));

	/** The master key's variables, which Spring Boot also reads as emulator.master.* */
	private static final Set<String> MASTER_KEY_VARIABLES = Set.of(MasterKey.KEY, MasterKey.KEY_FILE,
			MasterKey.PASSPHRASE, MasterKey.PASSPHRASE_FILE);

	private final ApplicationContext context;

	private final ConfigurableEnvironment environment;

	UnknownSettingsCheck(ApplicationContext context, ConfigurableEnvironment environment) {
		this.context = context;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Names names = bindAgain();
		List<String> refused = new ArrayList<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| !(ConfigurationPropertySource
						.from(source) instanceof IterableConfigurationPropertySource settings)) {
				continue;
			}
			if (source instanceof SystemEnvironmentPropertySource) {
				warnAboutVariables(settings, names);
				continue;
			}
			for (ConfigurationPropertyName name : sorted(settings)) {
				if (!names.known(name)) {
					refused.add(name + " (" + where(source, settings.getConfigurationProperty(name)) + ") is no setting"
							+ " of the stand: " + names.siblings(name));
				}
			}
		}
		if (!refused.isEmpty()) {
			throw new UnknownSettingException(String.join("\n", refused),
					"Correct the name; the settings are listed under Settings in the README.");
		}
	}

	/**
	 * Binds every {@code emulator.*} settings record again, noting each name the binder
	 * looked for and each it found a value under.
	 */
	private Names bindAgain() {
		Names names = new Names();
		Binder binder = Binder.get(this.environment);
		for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(this.context).values()) {
			ConfigurationPropertyName prefix = ConfigurationPropertyName.of(bean.getAnnotation().prefix());
			if (ROOT.equals(prefix) || ROOT.isAncestorOf(prefix)) {
				binder.bind(prefix, bean.asBindTarget(), names);
			}
		}
		return names;
	}

	/**
	 * An environment variable is read under a name of its own, in the form Spring Boot
	 * derives from the setting's (EMULATOR_ELMA_SERVICE_KEY or _SERVICEKEY): the
	 * variables a bound setting was read from are the known ones.
	 */
	private static void warnAboutVariables(IterableConfigurationPropertySource variables, Names names) {
		Set<String> read = new HashSet<>(MASTER_KEY_VARIABLES);
		for (ConfigurationPropertyName name : names.bound) {
			String variable = variable(variables.getConfigurationProperty(name));
			if (variable != null) {
				read.add(variable);
			}
		}
		for (ConfigurationPropertyName name : sorted(variables)) {
			String variable = variable(variables.getConfigurationProperty(name));
			if (variable != null && !read.contains(variable) && !names.known(name)) {
				logger.warn("The environment variable {} is read as {}, which is no setting of the stand: {}", variable,
						name, names.siblings(name));
			}
		}
	}

	private static Set<ConfigurationPropertyName> sorted(IterableConfigurationPropertySource settings) {
		Set<ConfigurationPropertyName> names = new TreeSet<>();
		settings.filter(ROOT::isAncestorOf).forEach(names::add);
		return names;
	}

	/** The variable a setting was read from, as the environment names it. */
	private static @Nullable String variable(@Nullable ConfigurationProperty property) {
		return (property != null && property.getOrigin() instanceof PropertySourceOrigin origin)
				? origin.getPropertyName() : null;
	}

	/** The file and line of a setting, or the kind of source it came from. */
	private static String where(PropertySource<?> source, @Nullable ConfigurationProperty property) {
		Origin origin = (property != null) ? property.getOrigin() : null;
		if (origin instanceof PropertySourceOrigin sourceOrigin) {
			// The origin the source itself keeps: a file's line and column.
			origin = sourceOrigin.getOrigin();
		}
		if (origin instanceof TextResourceOrigin) {
			return origin.toString();
		}
		return switch (source.getName()) {
			case "commandLineArgs" -> "on the command line";
			case "systemProperties" -> "a -D system property";
			default -> source.getName();
		};
	}

	/** The names a binding looked for (the settings there are) and found values under. */
	private static final class Names implements BindHandler {

		private final Set<ConfigurationPropertyName> attempted = new LinkedHashSet<>(READ_DIRECTLY);

		private final Set<ConfigurationPropertyName> bound = new HashSet<>();

		Names() {
			READ_DIRECTLY.forEach((name) -> this.attempted.add(name.getParent()));
		}

		@Override
		public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
			this.attempted.add(name);
			return target;
		}

		@Override
		public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			this.bound.add(name);
			return result;
		}

		/**
		 * Whether the name is a setting: one the binder looked for, or an element of a
		 * list that a source of higher precedence replaced (users[1] of a file, where the
		 * command line gives the users), as Spring Boot's own check of unbound settings
		 * judges it.
		 */
		boolean known(ConfigurationPropertyName name) {
			if (this.attempted.contains(name)) {
				return true;
			}
			for (int i = 0; i < name.getNumberOfElements(); i++) {
				if (name.isNumericIndex(i)) {
					ConfigurationPropertyName list = name.chop(i);
					if (i == name.getNumberOfElements() - 1) {
						return this.attempted.contains(list);
					}
					// The same setting of the first element, up to a list it holds (the
					// first element's roles, for roles[2] of the second).
					ConfigurationPropertyName nested = name.subName(i + 1);
					for (int j = 0; j < nested.getNumberOfElements(); j++) {
						if (nested.isNumericIndex(j)) {
							nested = nested.chop(j);
							break;
						}
					}
					return this.attempted.contains(ConfigurationPropertyName.of(list + "[0]." + nested));
				}
			}
			return false;
		}

		/** What the closest known group of the name takes, for the refusal. */
		String siblings(ConfigurationPropertyName name) {
			for (ConfigurationPropertyName group = name.getParent(); !group.isEmpty(); group = group.getParent()) {
				Set<String> children = new TreeSet<>();
				for (ConfigurationPropertyName candidate : this.attempted) {
					if (group.isParentOf(candidate) && !candidate.isLastElementIndexed()) {
						children.add(candidate.getLastElement(Form.DASHED));
					}
				}
				if (!children.isEmpty()) {
					return group + " takes " + String.join(", ", children);
				}
			}
			return "the stand's settings start with " + ROOT;
		}

	}

}
