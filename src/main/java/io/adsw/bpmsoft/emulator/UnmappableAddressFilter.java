package io.adsw.bpmsoft.emulator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter, an address the web server maps to a servlet only once
 * it has decoded and normalized it: an empty segment ({@code /0//odata/Contact}), and,
 * for a servlet mapped under a path (the data service's {@code /0/odata}), that path
 * written otherwise than as mapped ({@code /0/./odata}, {@code /0;x/odata},
 * {@code /0/%6Fdata}). Spring's parsing of the path, which runs ahead of Spring
 * Security's firewall, fails on those with a 500; Spring Security's firewall refuses them
 * elsewhere. The refusal is answered by the service's own report ({@link RefusalReport}).
 */
class UnmappableAddressFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().contains("//") || !servletPathAsWritten(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean servletPathAsWritten(HttpServletRequest request) {
		if (request.getHttpServletMapping().getMappingMatch() != MappingMatch.PATH) {
			return true;
		}
		String mapped = request.getContextPath() + request.getServletPath();
		String written = request.getRequestURI();
		return written.equals(mapped) || written.startsWith(mapped + "/");
	}

}
