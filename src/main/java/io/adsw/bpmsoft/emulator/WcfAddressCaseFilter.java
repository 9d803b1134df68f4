package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The addresses of the stand's WCF services in any case, as IIS serves them:
 * {@code /servicemodel/elmaservice.svc/CreateChainOfApproval} is ElmaService's,
 * {@code /ServiceModel/AuthService.svc/login} the login. The request goes on under the
 * address as the stand spells it, before any other filter looks at it; an ElmaService
 * operation keeps the case it was sent in, since ElmaService matches its names in any
 * case itself.
 */
class WcfAddressCaseFilter extends OncePerRequestFilter {

	private static final String ELMA_SERVICE = "/ServiceModel/ElmaService.svc/";

	/** Creatio's login and logout routes, whole. */
	private static final List<String> SESSION_ROUTES = List.of("/ServiceModel/AuthService.svc/Login",
			"/0/ServiceModel/AuthService.svc/Login", "/ServiceModel/AuthService.svc/Logout",
			"/0/ServiceModel/AuthService.svc/Logout", "/rest/MainMenuService/Logout", "/0/rest/MainMenuService/Logout");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRequestURI();
		// ELMA's own requests, by the thousand, are spelled as the stand spells them.
		String spelled = address.startsWith(ELMA_SERVICE) ? null : spelled(address);
		chain.doFilter((spelled != null && !spelled.equals(address)) ? new Respelled(request, spelled) : request,
				response);
	}

	/** The address as the stand spells it, or {@code null} for none of the services'. */
	static @Nullable String spelled(String address) {
		if (address.regionMatches(true, 0, ELMA_SERVICE, 0, ELMA_SERVICE.length())) {
			return ELMA_SERVICE + address.substring(ELMA_SERVICE.length());
		}
		return SESSION_ROUTES.stream().filter(address::equalsIgnoreCase).findFirst().orElse(null);
	}

	/** The request under the address as the stand spells it. */
	private static final class Respelled extends HttpServletRequestWrapper {

		private final String address;

		Respelled(HttpServletRequest request, String address) {
			super(request);
			this.address = address;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.address;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = super.getRequestURL();
			int path = url.indexOf("/", url.indexOf("//") + 2);
			url.setLength(Math.max(path, 0));
			return url.append(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.address;
		}

		@Override
		public @Nullable String getPathInfo() {
			return null;
		}

	}

}
