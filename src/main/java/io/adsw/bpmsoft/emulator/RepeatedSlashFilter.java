package io.adsw.bpmsoft.emulator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an address with an empty segment ({@code //}) before any other filter, as
 * Spring Security's firewall refuses it: the web server maps such an address to its
 * servlet with the slashes merged, and Spring's path parsing, which runs ahead of the
 * firewall, then fails on it ({@code /0//odata/Contact}). The refusal is answered by the
 * service's own report ({@link RefusalReport}).
 */
class RepeatedSlashFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().contains("//")) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

}
