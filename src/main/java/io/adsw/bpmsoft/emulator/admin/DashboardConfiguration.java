package io.adsw.bpmsoft.emulator.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard at {@code /emulator/}: a static page over the control plane and the data
 * service.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/emulator", "/emulator/");
		registry.addViewController("/emulator/").setViewName("forward:/emulator/index.html");
	}

}
