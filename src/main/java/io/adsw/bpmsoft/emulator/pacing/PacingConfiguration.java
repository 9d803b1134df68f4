package io.adsw.bpmsoft.emulator.pacing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pacing filter and its metrics. The filter is not registered with the servlet
 * container: Spring Security's chains put it behind their own filters.
 */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

	@Bean
	PacingFilter pacingFilter(PacingProperties properties, MeterRegistry registry) {
		Counter wentAhead = Counter.builder("emulator.pacing.went.ahead")
			.description("Requests that waited the longest wait and went ahead without a turn")
			.register(registry);
		RequestTurns turns = new RequestTurns(
				properties.resolvedConcurrentRequests(Runtime.getRuntime().availableProcessors()), properties.maxWait(),
				wentAhead);
		Gauge.builder("emulator.pacing.turns", turns, RequestTurns::size)
			.description("Requests the stand works on at once at most")
			.register(registry);
		Gauge.builder("emulator.pacing.active", turns, RequestTurns::inUse)
			.description("Requests being worked on")
			.register(registry);
		Gauge.builder("emulator.pacing.waiting", turns, RequestTurns::waiting)
			.description("Requests waiting for their turn")
			.register(registry);
		return new PacingFilter(turns);
	}

	@Bean
	FilterRegistrationBean<PacingFilter> pacingFilterRegistration(PacingFilter pacingFilter) {
		FilterRegistrationBean<PacingFilter> registration = new FilterRegistrationBean<>(pacingFilter);
		registration.setEnabled(false);
		return registration;
	}

}
