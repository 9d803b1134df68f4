package io.adsw.bpmsoft.emulator.elma;

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
 * The envelope for ElmaService requests the web server refuses before the service sees
 * them: on Spring Boot's error dispatch, and in Tomcat's own error report.
 */
@Configuration(proxyBeanMethods = false)
class WebServerRefusalConfiguration {

	@Bean
	FilterRegistrationBean<ElmaErrorPageFilter> elmaErrorPageFilter(ObjectProvider<ElmaAnswers> answers) {
		FilterRegistrationBean<ElmaErrorPageFilter> registration = new FilterRegistrationBean<>(
				new ElmaErrorPageFilter(answers));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Replaces the error report valve Spring Boot gives the host (this customizer runs
	 * after Boot's own), and names its class so that the host adds no other.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> elmaErrorReport(ObjectProvider<ElmaAnswers> answers) {
		return new ErrorReportCustomizer(answers);
	}

	private record ErrorReportCustomizer(ObjectProvider<ElmaAnswers> answers)
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
				pipeline.addValve(new ElmaErrorReportValve(this.answers));
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ElmaErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
