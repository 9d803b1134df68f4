package io.adsw.bpmsoft.emulator.pacing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the pacing in front of every other filter, Spring Security's included, so that a
 * waiting request costs nothing but a parked thread.
 */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

	@Bean
	FilterRegistrationBean<PacingFilter> pacingFilter(PacingProperties properties, MeterRegistry registry) {
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
		FilterRegistrationBean<PacingFilter> registration = new FilterRegistrationBean<>(new PacingFilter(turns));
		// After the character encoding and observation filters (the request metrics
		// include the wait), before Spring Security and the stand's own filters.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

}
