package io.adsw.bpmsoft.emulator.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the control plane's requests are read before its operations run: an address no
 * operation has is a 404 saying so, a parameter the operation does not take is refused
 * rather than ignored.
 */
@Configuration(proxyBeanMethods = false)
class ControlPlaneWebConfiguration implements WebMvcConfigurer {

	private static final String[] CONTROL_PLANE = { "/emulator/api", "/emulator/api/**" };

	private final ControlPlaneOperations operations;

	ControlPlaneWebConfiguration(ControlPlaneOperations operations) {
		this.operations = operations;
	}

	/** In place of Spring Boot's own, which reads form bodies on every address. */
	@Bean
	ControlPlaneFormContentFilter formContentFilter() {
		return new ControlPlaneFormContentFilter();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NoOperationAtAddress(this.operations)).addPathPatterns(CONTROL_PLANE);
		registry.addInterceptor(new KnownQueryParameters()).addPathPatterns(CONTROL_PLANE);
	}

}
