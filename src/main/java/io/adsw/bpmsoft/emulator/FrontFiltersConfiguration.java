package io.adsw.bpmsoft.emulator;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters in front of the services: the WCF services' addresses in any case
 * ({@link WcfAddressCaseFilter}), ahead of every filter that reads the address but the
 * refusal of empty segments; the limits of the bodies the services read whole
 * ({@link BodyLimitFilter}), and when a client waiting to send its body is told to.
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

	/**
	 * A client that asks before sending its body ({@code Expect: 100-continue}, as .NET's
	 * HttpWebRequest does by default) is told to go on when the service reads the body,
	 * as IIS tells it, not as soon as the headers arrive: a request refused before (a
	 * body over the limit by its declared length, a method or content type refused) gets
	 * its answer instead, and the body is never sent.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueWhenTheBodyIsRead() {
		return (factory) -> factory
			.addConnectorCustomizers((connector) -> connector.setProperty("continueResponseTiming", "onRead"));
	}

	/** Declared lengths, ahead of Spring's form filter and Spring Security's chains. */
	@Bean
	FilterRegistrationBean<BodyLimitFilter> declaredBodyLimitFilter(BodyLimits limits) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(limits, false));
		// Two filters of one class: each needs a name of its own to be registered, and to
		// run (a once-per-request filter knows itself by its name).
		registration.setName("declaredBodyLimitFilter");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/**
	 * Bodies sent in chunks, after Spring Security's filter chains (their order is -100).
	 */
	@Bean
	FilterRegistrationBean<BodyLimitFilter> chunkedBodyLimitFilter(BodyLimits limits) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(limits, true));
		registration.setName("chunkedBodyLimitFilter");
		registration.setOrder(0);
		return registration;
	}

}
