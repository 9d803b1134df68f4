package io.adsw.bpmsoft.emulator.security;

import java.time.Clock;
import java.util.Arrays;

import io.adsw.bpmsoft.emulator.elma.ElmaAnswers;
import io.adsw.bpmsoft.emulator.elma.ElmaProperties;
import io.adsw.bpmsoft.emulator.elma.ElmaTransportFilter;
import io.adsw.bpmsoft.emulator.fault.FaultInjector;
import io.adsw.bpmsoft.emulator.fault.Faults;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalProperties;
import io.adsw.bpmsoft.emulator.journal.JournalRecorder;
import io.adsw.bpmsoft.emulator.pacing.PacingFilter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The stand's filter chains. ElmaService has its own: stateless, no CSRF, no session,
 * only the {@code X-Elma-Service} key, as on the real stand. HTTP Basic, where the stand
 * allows it, has its own too: stateless and without {@code BPMCSRF}. Everything else
 * falls to the stand chain: Creatio's forms login, its session and its {@code BPMCSRF}
 * header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMIN = "ADMIN";

	private static final String[] DATA_SERVICE = { "/0/odata/**", "/odata/**" };

	/**
	 * The control plane. The actuator is admin-only too, wherever
	 * {@code management.endpoints.web.base-path} puts it ({@link EndpointRequest}).
	 */
	private static final String[] CONTROL_PLANE = { "/emulator/**" };

	private static final String[] OPEN = { "/error", AuthServiceController.LOGIN,
			AuthServiceController.LOGIN_UNDER_ZERO, "/emulator/login.html", "/emulator/dashboard.css" };

	/**
	 * Creatio's logout routes: its main menu's (under {@code /0} on .NET Framework) and
	 * {@code AuthService.svc}'s.
	 */
	private static final String[] LOGOUT = { "/rest/MainMenuService/Logout", "/0/rest/MainMenuService/Logout",
			"/ServiceModel/AuthService.svc/Logout", "/0/ServiceModel/AuthService.svc/Logout" };

	@Bean
	@Order(1)
	SecurityFilterChain elmaServiceChain(HttpSecurity http, ElmaProperties properties, ElmaAnswers answers,
			Journal journal, JournalProperties journalProperties, Faults faults, JsonMapper jsonMapper, Clock clock,
			MeterRegistry meters, PacingFilter pacing) {
		ElmaForbiddenHandler forbidden = new ElmaForbiddenHandler(answers);
		ElmaServiceKeyFilter keyFilter = new ElmaServiceKeyFilter(properties.serviceKey(), forbidden);
		// In order: the journal sees every request and answer; then the web server's
		// checks; then fault rules, which make the stand misbehave whatever ELMA sends;
		// then the key; last, once let in, the request's turn (pacing).
		return http.securityMatcher("/ServiceModel/ElmaService.svc/**")
			.addFilterBefore(new JournalRecorder(journal, journalProperties, keyFilter::outcome, jsonMapper, clock,
					meters, answers), DisableEncodeUrlFilter.class)
			.addFilterAfter(new ElmaTransportFilter(answers), JournalRecorder.class)
			.addFilterAfter(new FaultInjector(faults, answers), ElmaTransportFilter.class)
			.addFilterBefore(keyFilter, AuthorizationFilter.class)
			.addFilterAfter(pacing, AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(ElmaServiceKeyFilter.ROLE))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(forbidden).accessDeniedHandler(forbidden))
			// Stateless and key-only: no session to manage, no servlet API for roles.
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((sessions) -> sessions.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.csrf((csrf) -> csrf.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.build();
	}

	/**
	 * HTTP Basic on the data service, the control plane and the actuator, a convenience
	 * of the local and dev stands. A request with Basic credentials is judged by them
	 * alone: a session cookie it also carries is not read, and no session is created, so
	 * {@code BPMCSRF} has nothing to protect. The prod stand refuses to start with it, as
	 * the real production stand accepts no Basic credentials.
	 */
	@Bean
	@Order(2)
	@ConditionalOnBooleanProperty(name = "emulator.security.http-basic", matchIfMissing = true)
	SecurityFilterChain httpBasicChain(HttpSecurity http, AuthenticationManager authenticationManager,
			StandRefusals refusals, PacingFilter pacing, Environment environment, WebEndpointProperties actuator) {
		if (environment.matchesProfiles("prod")) {
			throw new ProdStandSettingException("emulator.security.http-basic is true: the prod stand accepts no"
					+ " HTTP Basic, as the real production stand; its users sign in through AuthService.svc/Login");
		}
		http.securityMatcher(new AndRequestMatcher(SecurityConfiguration::hasBasicCredentials,
				new OrRequestMatcher(paths(DATA_SERVICE), paths(CONTROL_PLANE), EndpointRequest.toAnyEndpoint(),
						underBasePath(actuator))))
			.authenticationManager(authenticationManager)
			.httpBasic((basic) -> basic.authenticationEntryPoint(refusals))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.addFilterAfter(pacing, AuthorizationFilter.class);
		return authorize(http).build();
	}

	/**
	 * Creatio's session: {@code AuthService.svc/Login} starts it, {@code .ASPXAUTH}
	 * carries it, and every request of it carries {@code BPMCSRF} too. Without a session
	 * the answer is 401 before {@code BPMCSRF} is looked at.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain standChain(HttpSecurity http, StandSecurityProperties properties,
			SecurityContextRepository securityContexts, CsrfTokenRepository csrfTokens, StandRefusals refusals,
			PacingFilter pacing) {
		http.securityContext((context) -> context.securityContextRepository(securityContexts))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				// Creatio's clients echo the cookie's value as is, unmasked.
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfProtected(properties.csrfOnGet())))
			.logout((logout) -> logout.logoutRequestMatcher(posts(LOGOUT))
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK))
				.addLogoutHandler(CreatioCookies::expireSession))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInOrRefuse(refusals))
				.accessDeniedHandler(refusals))
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(pacing, AuthorizationFilter.class);
		return authorize(http).build();
	}

	private static HttpSecurity authorize(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN)
			.permitAll()
			.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.requestMatchers(CONTROL_PLANE)
			.hasRole(ADMIN)
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole(ADMIN)
			.requestMatchers(DATA_SERVICE)
			.authenticated()
			.anyRequest()
			.denyAll());
	}

	/**
	 * Where {@code BPMCSRF} is checked: requests of a logged-in session, except the open
	 * addresses (Login among them). A request without a session is not checked, so that
	 * it meets 401, whatever its {@code BPMCSRF} header.
	 */
	private static RequestMatcher csrfProtected(boolean onGet) {
		RequestMatcher methods = onGet ? AnyRequestMatcher.INSTANCE : CsrfFilter.DEFAULT_CSRF_MATCHER;
		return new AndRequestMatcher(methods, new NegatedRequestMatcher(paths(OPEN)),
				new NegatedRequestMatcher(EndpointRequest.to(HealthEndpoint.class)),
				new NegatedRequestMatcher(SecurityConfiguration::dashboardPage), loggedInSession());
	}

	/**
	 * A page of the dashboard or of Swagger UI a browser opens: a navigation cannot carry
	 * the {@code BPMCSRF} header. The data the pages then ask for carries it.
	 */
	private static boolean dashboardPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return HttpMethod.GET.matches(request.getMethod()) && path.startsWith("/emulator")
				&& !path.startsWith("/emulator/api/");
	}

	/**
	 * Requests that arrive with an authenticated session. The {@link CsrfFilter} runs
	 * before any authentication filter, so the only authentication it can see is the one
	 * loaded from the session.
	 */
	private static RequestMatcher loggedInSession() {
		AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
		return (request) -> trust
			.isAuthenticated(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
	}

	/**
	 * Without a session, a browser opening the dashboard is sent to its sign-in page;
	 * every other request gets Creatio's 401.
	 */
	private static AuthenticationEntryPoint signInOrRefuse(StandRefusals refusals) {
		AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/emulator/login.html");
		return (request, response, ex) -> {
			if (browserOnTheDashboard(request)) {
				signIn.commence(request, response, ex);
			}
			else {
				refusals.commence(request, response, ex);
			}
		};
	}

	/** A browser opening a page of the dashboard: it is sent to sign in first. */
	private static boolean browserOnTheDashboard(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith(request.getContextPath() + "/emulator")
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/emulator/api") && accept != null
				&& accept.contains("text/html");
	}

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	private static RequestMatcher paths(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList());
	}

	/**
	 * Every address under the actuator's base path, exposed endpoints or not: Basic
	 * credentials are judged there too, so that an endpoint that is not exposed is
	 * refused as closed (403), not as if the right credentials were wrong (401). Nothing
	 * when the endpoints sit at the root, where that would be every address.
	 */
	private static RequestMatcher underBasePath(WebEndpointProperties actuator) {
		String basePath = actuator.getBasePath();
		if (basePath.isEmpty() || basePath.equals("/")) {
			return (request) -> false;
		}
		return paths(basePath, basePath + "/**");
	}

	private static RequestMatcher posts(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, pattern))
			.toList());
	}

	/**
	 * The firewall lets through what the stand answers itself.
	 * <ul>
	 * <li>Header values as the web server reads them. Bytes past ASCII arrive as
	 * ISO-8859-1 characters, so a key typed in Cyrillic brings UTF-8 bytes that read as
	 * C1 control characters; the strict default refuses those the moment a filter reads
	 * the header, and ELMA would get a 500 instead of the key's 403, unjournaled. ASCII's
	 * control characters stay refused (Tomcat refuses them before this anyway).</li>
	 * <li>Any HTTP method: ElmaService answers every method but POST with its 405
	 * envelope (the default refused unknown ones with a bare 400); elsewhere Spring MVC
	 * and the data service refuse what they do not serve. TRACE never gets this far:
	 * Tomcat refuses it itself.</li>
	 * </ul>
	 */
	@Bean
	WebSecurityCustomizer firewallForTheStandsOwnAnswers() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(SecurityConfiguration::holdsNoAsciiControl);
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return (web) -> web.httpFirewall(firewall);
	}

	private static boolean holdsNoAsciiControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < ' ' && c != '\t') || c == '\u007f') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Spring Security's chains, authentications and authorizations are not observed: the
	 * observations wrapped every filter of every chain, and cost more per request than
	 * the stand's own filters. The requests themselves are still measured
	 * ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	CsrfTokenRepository csrfTokens() {
		return new BpmCsrfTokens();
	}

	/** Where a logged-in session's security context lives: the HTTP session. */
	@Bean
	SecurityContextRepository securityContexts() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	StandRefusals standRefusals(JsonMapper jsonMapper) {
		return new StandRefusals(jsonMapper);
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

	@Bean
	UserDetailsService users(StandSecurityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
