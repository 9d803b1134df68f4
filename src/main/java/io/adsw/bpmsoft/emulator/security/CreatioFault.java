package io.adsw.bpmsoft.emulator.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The fault body of Creatio's web services:
 * {@code {"Message":"...","StackTrace":null,"ExceptionType":"..."}}.
 */
@JsonPropertyOrder({ "Message", "StackTrace", "ExceptionType" })
record CreatioFault(@JsonProperty("Message") String message, @JsonProperty("StackTrace") @Nullable String stackTrace,
		@JsonProperty("ExceptionType") String exceptionType) {

	static final CreatioFault AUTHENTICATION_FAILED = new CreatioFault(AuthMessages.AUTHENTICATION_FAILED, null,
			AuthMessages.AUTHENTICATION_FAILED_TYPE);

	static CreatioFault forbidden(String message) {
		return new CreatioFault(message, null, AuthMessages.FORBIDDEN_TYPE);
	}

}
