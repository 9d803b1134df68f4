package io.adsw.bpmsoft.emulator.security;

import java.io.IOException;

import io.adsw.bpmsoft.emulator.elma.ElmaAnswer;
import io.adsw.bpmsoft.emulator.elma.ElmaAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Check 1 of the contract: no key or a wrong one gets the integration note's 403
 * envelope.
 */
class ElmaForbiddenHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ElmaAnswers answers;

	ElmaForbiddenHandler(ElmaAnswers answers) {
		this.answers = answers;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		forbid(response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		forbid(response);
	}

	void forbid(HttpServletResponse response) throws IOException {
		this.answers.write(response, ElmaAnswer.FORBIDDEN);
	}

}
