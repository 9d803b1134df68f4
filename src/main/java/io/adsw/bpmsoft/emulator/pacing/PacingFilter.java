package io.adsw.bpmsoft.emulator.pacing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each request until it has a turn, then lets it through to its handler. It sits at
 * the end of each of Spring Security's filter chains: a request is paced once it is let
 * in, so a refusal, the journal, a fault rule's delay and reading ELMA's body (for the
 * fault rules) take no turn, and a slow client or a slow answer on purpose holds up no
 * one. Actuator requests are never held: health must answer while the stand is busy or
 * its database is gone.
 */
public class PacingFilter extends OncePerRequestFilter {

	private final RequestTurns turns;

	/** The actuator's endpoints, wherever its base path puts them. */
	private final RequestMatcher actuator = EndpointRequest.toAnyEndpoint();

	PacingFilter(RequestTurns turns) {
		this.turns = turns;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.actuator.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean taken;
		try {
			taken = this.turns.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("Interrupted while waiting for a turn", ex);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (taken) {
				this.turns.release();
			}
		}
	}

}
