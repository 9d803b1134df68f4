package io.adsw.bpmsoft.emulator;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The services' own answers ({@link RefusalReport}) for requests the web server refuses
 * before the service sees them: on Spring Boot's error dispatch, and in Tomcat's own
 * error report.
 */
@Configuration(proxyBeanMethods = false)
class RefusalReportConfiguration {

	@Bean
	FilterRegistrationBean<RefusalReportFilter> refusalReportFilter(ObjectProvider<RefusalReport> reports) {
		FilterRegistrationBean<RefusalReportFilter> registration = new FilterRegistrationBean<>(
				new RefusalReportFilter(reports));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UnmappableAddressFilter> unmappableAddressFilter() {
		FilterRegistrationBean<UnmappableAddressFilter> registration = new FilterRegistrationBean<>(
				new UnmappableAddressFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Replaces the error report valve Spring Boot gives the host (this customizer runs
	 * after Boot's own), and names its class so that the host adds no other.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusalReport(ObjectProvider<RefusalReport> reports) {
		return new ErrorReportCustomizer(reports);
	}

	private record ErrorReportCustomizer(ObjectProvider<RefusalReport> reports)
			implements
				WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
				Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Pipeline pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new RefusalReportValve(this.reports));
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(RefusalReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
