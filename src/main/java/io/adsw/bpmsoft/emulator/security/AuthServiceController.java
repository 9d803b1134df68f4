package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.JsonSyntax;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creatio's forms login, {@code AuthService.svc/Login}: checks the user against the
 * stand's users and starts a session. Like Creatio it answers HTTP 200 whatever happens,
 * with the outcome in {@code Code}.
 */
@RestController
class AuthServiceController {

	/** Where Creatio's documentation and most clients log in. */
	static final String LOGIN = "/ServiceModel/AuthService.svc/Login";

	/** Where clio's .NET Framework client logs in. */
	static final String LOGIN_UNDER_ZERO = "/0" + LOGIN;

	private final AuthenticationManager authenticationManager;

	private final SecurityContextRepository securityContexts;

	private final CsrfTokenRepository csrfTokens;

	private final JsonMapper jsonMapper;

	private final CreatioCookies cookies = new CreatioCookies();

	private final SessionAuthenticationStrategy sessionFixation = new ChangeSessionIdAuthenticationStrategy();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AuthServiceController(AuthenticationManager authenticationManager, SecurityContextRepository securityContexts,
			CsrfTokenRepository csrfTokens, JsonMapper jsonMapper) {
		this.authenticationManager = authenticationManager;
		this.securityContexts = securityContexts;
		this.csrfTokens = csrfTokens;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping({ LOGIN, LOGIN_UNDER_ZERO })
	ResponseEntity<LoginAnswer> login(@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			Authentication user = this.authenticationManager.authenticate(credentials(body));
			startSession(user, request, response);
			return answer(LoginAnswer.SUCCESS);
		}
		catch (LoginRefused ex) {
			return answer(LoginAnswer.failure(ex.getMessage()));
		}
		catch (AuthenticationException ex) {
			return answer(LoginAnswer.failure(AuthMessages.WRONG_CREDENTIALS));
		}
	}

	/**
	 * Any other method than POST: a 405 with {@code Allow: POST}, its reason in the
	 * login's own answer, rather than an error of another shape.
	 */
	@RequestMapping({ LOGIN, LOGIN_UNDER_ZERO })
	ResponseEntity<LoginAnswer> otherMethod(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.header(HttpHeaders.ALLOW, "POST")
			.contentType(StandRefusals.CONTENT_TYPE)
			.body(LoginAnswer.failure(AuthMessages.loginMethod(request.getMethod())));
	}

	/**
	 * OPTIONS too, which Spring would otherwise answer itself, naming every method the
	 * mapping above takes.
	 */
	@RequestMapping(path = { LOGIN, LOGIN_UNDER_ZERO }, method = RequestMethod.OPTIONS)
	ResponseEntity<LoginAnswer> options(HttpServletRequest request) {
		return otherMethod(request);
	}

	/**
	 * {@code UserName} and {@code UserPassword} of a JSON object; other members, such as
	 * {@code TimeZoneOffset}, are ignored, as Creatio does.
	 */
	private Authentication credentials(byte @Nullable [] body) throws LoginRefused {
		JsonNode login;
		try {
			login = (body != null) ? this.jsonMapper.readTree(body) : null;
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			String duplicate = JsonSyntax.duplicateName(ex);
			// Where, but not what: the text at fault may be the password itself, written
			// without its quotes.
			throw new LoginRefused(
					(duplicate != null) ? AuthMessages.givenTwice(duplicate + where) : AuthMessages.notJson(where));
		}
		if (login == null || !login.isObject()) {
			throw new LoginRefused(AuthMessages.NOT_A_JSON_OBJECT);
		}
		JsonNode userName = login.get("UserName");
		if (userName == null || !userName.isString() || userName.asString().isBlank()) {
			throw new LoginRefused(AuthMessages.USER_NAME_EMPTY);
		}
		JsonNode password = login.get("UserPassword");
		if (password == null || !password.isString() || password.asString().isEmpty()) {
			throw new LoginRefused(AuthMessages.USER_PASSWORD_EMPTY);
		}
		return UsernamePasswordAuthenticationToken.unauthenticated(userName.asString(), password.asString());
	}

	/**
	 * A session of its own for the user: a session the client brought gets a new id
	 * (session fixation), the security context is kept in it, and the cookies of a
	 * Creatio session are set, with a new {@code BPMCSRF} token.
	 */
	private void startSession(Authentication user, HttpServletRequest request, HttpServletResponse response) {
		this.sessionFixation.onAuthentication(user, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(user);
		this.holder.setContext(context);
		this.securityContexts.saveContext(context, request, response);
		this.csrfTokens.saveToken(this.csrfTokens.generateToken(request), request, response);
		this.cookies.addLoginCookies(user.getName(), request, response);
	}

	private static ResponseEntity<LoginAnswer> answer(LoginAnswer answer) {
		return ResponseEntity.ok().contentType(StandRefusals.CONTENT_TYPE).body(answer);
	}

	/** A login refused before the credentials are checked, with the reason. */
	private static final class LoginRefused extends Exception {

		LoginRefused(String message) {
			super(message, null, false, false);
		}

	}

}
