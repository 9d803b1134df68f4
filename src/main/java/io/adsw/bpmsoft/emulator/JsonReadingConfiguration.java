package io.adsw.bpmsoft.emulator;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the stand's JSON bodies are read: the control plane's and the data service's.
 * ElmaService reads its bodies with a reader of its own, as the real stand does.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadingConfiguration {

	/**
	 * A field given twice is refused: read as its last value, the first would be lost
	 * without a word ({@code {"status": 500, "status": 400}}).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictDuplicateDetection() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/**
	 * A value of another kind than the field's is refused rather than converted with a
	 * loss: a fraction where a whole number is due (a fault rule's status of 500.5 cut to
	 * 500), a number where true or false is ({@code "enforceOrder": 2} read as true).
	 */
	@Bean
	JsonMapperBuilderCustomizer noLossyConversion() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
