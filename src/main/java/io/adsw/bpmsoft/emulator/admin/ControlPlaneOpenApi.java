package io.adsw.bpmsoft.emulator.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * How the control plane is signed in to, in the OpenAPI document: HTTP Basic where the
 * stand allows it, or a session from {@code AuthService.svc/Login} with its
 * {@code BPMCSRF} token in the header of the same name. Swagger UI copies the token from
 * its cookie into that header itself ({@code springdoc.swagger-ui.csrf.*}). Every
 * operation may also answer the stand's own failure (500) and a database that does not
 * answer (503).
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
				item.readOperations().forEach((operation) -> {
					operation.addSecurityItem(basic).addSecurityItem(session);
					ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
							: new ApiResponses();
					responses.putIfAbsent("500", new ApiResponse()
						.description("A problem detail: the stand failed to carry out the request; its log says why"));
					responses.putIfAbsent("503",
							new ApiResponse()
								.description("A problem detail: the stand's database is not answering; try again once"
										+ " /actuator/health says UP"));
					operation.responses(responses);
				});
			}
		});
	}

}
