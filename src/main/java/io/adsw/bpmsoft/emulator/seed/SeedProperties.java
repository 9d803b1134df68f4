package io.adsw.bpmsoft.emulator.seed;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code emulator.seed}: the data to load at start-up, as a Spring resource location
 * ({@code file:...}, {@code classpath:...}) or a plain file path; empty loads nothing.
 */
@ConfigurationProperties("emulator")
record SeedProperties(@Nullable String seed) {

}
