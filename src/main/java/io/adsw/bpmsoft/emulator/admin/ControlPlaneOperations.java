package io.adsw.bpmsoft.emulator.admin;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Which operations the API has at an address, as Spring MVC maps them, for the answers
 * given when a request reaches none.
 */
@Component
class ControlPlaneOperations {

	// Looked up when asked: the mapping is made after the web configuration that uses
	// this class.
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	ControlPlaneOperations(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The methods the API's operations at the address take, as Spring MVC lists them in
	 * its own 405s; none for an address no operation has.
	 */
	Set<String> methodsAt(String requestUri) {
		PathContainer path;
		try {
			path = PathContainer.parsePath(requestUri);
		}
		catch (IllegalArgumentException ex) {
			return Set.of();
		}
		Set<String> methods = new TreeSet<>();
		this.mappings.getObject().getHandlerMethods().keySet().forEach((info) -> {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns != null && patterns.getPatterns().stream().anyMatch((pattern) -> pattern.matches(path))) {
				info.getMethodsCondition().getMethods().forEach((verb) -> methods.add(verb.name()));
			}
		});
		return methods;
	}

}
