package io.adsw.bpmsoft.emulator;

import tools.jackson.core.StreamReadFeature;

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

}
