package io.adsw.bpmsoft.emulator.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * How the control plane is signed in to, in the OpenAPI document: HTTP Basic where the
 * stand allows it, or a session from {@code AuthService.svc/Login} with its
 * {@code BPMCSRF} token in the header of the same name. Swagger UI copies the token from
 * its cookie into that header itself ({@code springdoc.swagger-ui.csrf.*}).
 */
@Component
class ControlPlaneOpenApi implements OpenApiCustomizer {

	private static final String CONTROL_PLANE = "/emulator/api/";

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		components
			.addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("An admin user by HTTP Basic, on the stands that allow it (local, dev)"))
			.addSecuritySchemes("session",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.COOKIE)
						.name(".ASPXAUTH")
						.description("The session cookie AuthService.svc/Login sets"))
			.addSecuritySchemes("BPMCSRF",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("BPMCSRF")
						.description("With a session: the value of the BPMCSRF cookie the login set"));
		openApi.components(components);
		SecurityRequirement basic = new SecurityRequirement().addList("basic");
		SecurityRequirement session = new SecurityRequirement().addList("session").addList("BPMCSRF");
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith(CONTROL_PLANE)) {
				item.readOperations().forEach((operation) -> operation.addSecurityItem(basic).addSecurityItem(session));
			}
		});
	}

}
