package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;

import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ServiceMetadata;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Mounts the data service at both roots Creatio stands use.
 */
@Configuration(proxyBeanMethods = false)
class ODataConfiguration {

	@Bean
	OData odata() {
		return OData.newInstance();
	}

	@Bean
	ServiceMetadata odataMetadata(OData odata, EntitySets sets) {
		return odata.createServiceMetadata(new BpmEdmProvider(sets), new ArrayList<>());
	}

	@Bean
	ServletRegistrationBean<ODataServlet> odataServlet(OData odata, ServiceMetadata metadata, ODataService service,
			PlatformTransactionManager transactions, JsonMapper jsonMapper) {
		ODataServlet servlet = new ODataServlet(odata, metadata, service, transactions,
				new JsonBatch(jsonMapper, service.json(), transactions));
		ServletRegistrationBean<ODataServlet> registration = new ServletRegistrationBean<>(servlet, "/0/odata/*",
				"/odata/*");
		registration.setName("odata");
		return registration;
	}

}
