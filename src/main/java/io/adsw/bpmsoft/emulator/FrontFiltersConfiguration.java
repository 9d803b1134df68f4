package io.adsw.bpmsoft.emulator;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters in front of the services: the WCF services' addresses in any case
 * ({@link WcfAddressCaseFilter}), ahead of every filter that reads the address but the
 * refusal of empty segments; the limits of the bodies the services read whole
 * ({@link BodyLimitFilter}), after authentication.
 */
@Configuration(proxyBeanMethods = false)
class FrontFiltersConfiguration {

	@Bean
	FilterRegistrationBean<WcfAddressCaseFilter> wcfAddressCaseFilter() {
		FilterRegistrationBean<WcfAddressCaseFilter> registration = new FilterRegistrationBean<>(
				new WcfAddressCaseFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** Ordered after Spring Security's filter chains (their order is -100). */
	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(limits));
		registration.setOrder(0);
		return registration;
	}

}
