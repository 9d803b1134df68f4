package io.adsw.bpmsoft.emulator.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.elma.ElmaMessages;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Describes the two ElmaService operations in the OpenAPI document, with the integration
 * note's own examples and every envelope they answer. They are written out here because
 * the operations take their body as raw bytes (to accept everything ELMA may send), which
 * springdoc cannot see.
 */
@Component
class ElmaServiceOpenApi implements OpenApiCustomizer {

	private static final String ENVELOPE = "#/components/schemas/ElmaEnvelope";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title("BPMSoft stand emulator")
			.version("1")
			.description("ElmaService.svc as ELMA calls it, and the stand's controls for QA (admin users)."));
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		components.addSchemas("ElmaEnvelope",
				new ObjectSchema().addProperty("status", new Schema<Integer>().type("integer"))
					.addProperty("error_message", new StringSchema()));
		openApi.components(components);
		openApi.path("/ServiceModel/ElmaService.svc/CreateChainOfApproval", new PathItem().post(operation(
				"Send an approval chain",
				"The approvers' emails in order, separated by ; or ,; or Согласовано when ELMA approved by itself.",
				Map.of("chain",
						"{\"id_crm\": \"035e0f7b-18d2-4f24-87d8-59f107110a01\", \"chain_of_approval\": \"ivan.petrov@example.com; maria.sidorova@example.com\"}",
						"automatic approval",
						"{\"id_crm\": \"035e0f7b-18d2-4f24-87d8-59f107110a01\", \"chain_of_approval\": \"Согласовано\"}"),
				"id_crm", "chain_of_approval")));
		openApi.path("/ServiceModel/ElmaService.svc/ChangeApproverResolution", new PathItem().post(operation(
				"Send an approver's resolution", "Согласовано or Отклонено for the approver's next step.",
				Map.of("approve",
						"{\"id_crm\": \"035e0f7b-18d2-4f24-87d8-59f107110a01\", \"approver\": \"ivan.petrov@example.com\", \"resolution\": \"Согласовано\"}"),
				"id_crm", "approver", "resolution")));
	}

	private static Operation operation(String summary, String description, Map<String, String> examples,
			String... fields) {
		ObjectSchema body = new ObjectSchema();
		for (String field : fields) {
			body.addProperty(field, new StringSchema());
		}
		body.required(List.of(fields));
		MediaType json = new MediaType().schema(body);
		examples.forEach((name, value) -> json.addExamples(name, new Example().value(value)));
		return new Operation().summary(summary)
			.description(description)
			.addTagsItem("ElmaService")
			.addParametersItem(new HeaderParameter().name("X-Elma-Service")
				.required(true)
				.description("The stand's key")
				.schema(new StringSchema()))
			.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json", json)))
			.responses(responses());
	}

	private static ApiResponses responses() {
		Map<String, Map<String, String>> answers = new LinkedHashMap<>();
		answers.put("200", Map.of("success", ""));
		answers.put("400",
				Map.of("empty id_crm", ElmaMessages.ID_CRM_EMPTY, "approval not found",
						ElmaMessages.format(ElmaMessages.APPROVAL_NOT_FOUND, "123-123"), "contact not found",
						ElmaMessages.format(ElmaMessages.CONTACT_NOT_FOUND, "test1@mail.com")));
		answers.put("403", Map.of("no or wrong key", ElmaMessages.FORBIDDEN));
		answers.put("405", Map.of("not POST", "Метод HTTP GET не поддерживается: ElmaService принимает только POST"));
		answers.put("413", Map.of("body over 1 MiB", "Тело запроса больше допустимых 1048576 байт"));
		answers.put("415", Map.of("not JSON",
				"Тип содержимого «text/plain» не поддерживается: ElmaService принимает application/json"));
		answers.put("500", Map.of("failure", ElmaMessages.INTERNAL_ERROR));
		ApiResponses responses = new ApiResponses();
		answers.forEach((status, messages) -> {
			MediaType json = new MediaType().schema(new Schema<>().$ref(ENVELOPE));
			messages.forEach((name, message) -> json.addExamples(name,
					new Example().value(Map.of("status", Integer.parseInt(status), "error_message", message))));
			responses.addApiResponse(status, new ApiResponse().description("The envelope, status " + status)
				.content(new Content().addMediaType("application/json", json)));
		});
		return responses;
	}

}
