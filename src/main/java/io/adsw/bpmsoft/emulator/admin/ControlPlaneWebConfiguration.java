package io.adsw.bpmsoft.emulator.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the control plane's requests are read before its operations run: a parameter no
 * operation takes is refused rather than ignored.
 */
@Configuration(proxyBeanMethods = false)
class ControlPlaneWebConfiguration implements WebMvcConfigurer {

	static final String[] CONTROL_PLANE = { "/emulator/api", "/emulator/api/**" };

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KnownQueryParameters()).addPathPatterns(CONTROL_PLANE);
	}

}
