package io.adsw.bpmsoft.emulator.pacing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each request until it has a turn, then lets it through the rest of the filters
 * (Spring Security, the journal, faults) and the handler. Actuator requests are never
 * held: health must answer while the stand is busy or its database is gone.
 */
class PacingFilter extends OncePerRequestFilter {

	private final RequestTurns turns;

	PacingFilter(RequestTurns turns) {
		this.turns = turns;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/actuator") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Turn turn;
		try {
			turn = Turn.take(this.turns, request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("Interrupted while waiting for a turn", ex);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			turn.release();
		}
	}

}
