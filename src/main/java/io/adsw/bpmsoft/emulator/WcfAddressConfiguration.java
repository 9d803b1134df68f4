package io.adsw.bpmsoft.emulator;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The WCF services' addresses in any case ({@link WcfAddressCaseFilter}), ahead of every
 * filter that reads the address but the refusal of empty segments.
 */
@Configuration(proxyBeanMethods = false)
class WcfAddressConfiguration {

	@Bean
	FilterRegistrationBean<WcfAddressCaseFilter> wcfAddressCaseFilter() {
		FilterRegistrationBean<WcfAddressCaseFilter> registration = new FilterRegistrationBean<>(
				new WcfAddressCaseFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
