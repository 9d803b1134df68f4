package io.adsw.bpmsoft.emulator.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The body of every answer of {@code AuthService.svc/Login}, as Creatio's documentation
 * shows it: {@code Code} 0 on success, 1 with the reason on failure, always with HTTP
 * 200.
 */
@JsonPropertyOrder({ "Code", "Message", "Exception", "PasswordChangeUrl", "RedirectUrl" })
record LoginAnswer(@JsonProperty("Code") int code, @JsonProperty("Message") String message,
		@JsonProperty("Exception") @Nullable Fault exception,
		@JsonProperty("PasswordChangeUrl") @Nullable String passwordChangeUrl,
		@JsonProperty("RedirectUrl") @Nullable String redirectUrl) {

	static final LoginAnswer SUCCESS = new LoginAnswer(0, "", null, null, null);

	/** Creatio's clients read the reason of a failure from {@code Exception.Message}. */
	static LoginAnswer failure(String message) {
		return new LoginAnswer(1, message, new Fault(message), null, null);
	}

	/** The {@code Exception} member of a failed login. */
	record Fault(@JsonProperty("Message") String message) {

	}

}
