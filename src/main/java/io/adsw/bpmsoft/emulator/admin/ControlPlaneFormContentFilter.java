package io.adsw.bpmsoft.emulator.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Spring's reading of a form body sent with PUT, PATCH or DELETE as parameters
 * ({@code curl -X DELETE -d idCrm=...}), for the control plane alone: ElmaService and the
 * data service read their bodies themselves, and journal them. A form that cannot be
 * decoded (a '%' without two hex digits) is left to the operation to refuse, where
 * Spring's filter let it end as a 500 before any operation ran.
 */
class ControlPlaneFormContentFilter extends OrderedFormContentFilter {

	/** The request attribute that says the form body could not be read. */
	static final String UNREADABLE = ControlPlaneFormContentFilter.class.getName() + ".UNREADABLE";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/emulator/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			super.doFilterInternal(request, response, chain);
		}
		catch (HttpMessageNotReadableException ex) {
			if (request.getAttribute(UNREADABLE) != null || response.isCommitted()) {
				throw ex;
			}
			request.setAttribute(UNREADABLE, Boolean.TRUE);
			chain.doFilter(request, response);
		}
	}

}
