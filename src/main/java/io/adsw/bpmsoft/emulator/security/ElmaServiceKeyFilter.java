package io.adsw.bpmsoft.emulator.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates ELMA by the {@code X-Elma-Service} header. The comparison takes the same
 * time whatever the presented value, so the key cannot be guessed byte by byte. A request
 * without the right key is answered with the 403 envelope here, as Spring Security's own
 * authentication filters commence their entry point; the chain's authorization rule stays
 * behind it. Letting such a request reach that rule cost a refusal more than the rest of
 * its work: the rule's exception records the stack of the whole filter chain.
 */
class ElmaServiceKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Elma-Service";

	/** Request attribute holding how the key check went: {@link KeyCheck}. */
	static final String KEY_CHECK_ATTRIBUTE = KeyCheck.class.getName();

	static final String ROLE = "ELMA";

	/** How a request's key compared with the stand's: never the value itself. */
	enum KeyCheck {

		OK, MISSING, WRONG

	}

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final byte[] expectedDigest;

	private final ElmaForbiddenHandler forbidden;

	ElmaServiceKeyFilter(String serviceKey, ElmaForbiddenHandler forbidden) {
		this.expectedDigest = digest(serviceKey.getBytes(StandardCharsets.UTF_8));
		this.forbidden = forbidden;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		KeyCheck check = check(presented(request));
		request.setAttribute(KEY_CHECK_ATTRIBUTE, check);
		if (check != KeyCheck.OK) {
			this.forbidden.forbid(response);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new PreAuthenticatedAuthenticationToken("ELMA", "",
				List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	/**
	 * How the request's key compares, for the journal: {@code ok}, {@code missing} or
	 * {@code wrong}; also for requests refused before the key was checked.
	 */
	String outcome(HttpServletRequest request) {
		Object check = request.getAttribute(KEY_CHECK_ATTRIBUTE);
		KeyCheck result = (check instanceof KeyCheck known) ? known : check(presented(request));
		return result.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The header's value as the real stand reads it: a header sent more than once is one
	 * value, its lines joined by commas (ASP.NET's header collection), so a right key
	 * next to a wrong one is not the key.
	 */
	private static @Nullable String presented(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HEADER);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String first = values.nextElement();
		if (!values.hasMoreElements()) {
			return first;
		}
		StringBuilder joined = new StringBuilder(first);
		while (values.hasMoreElements()) {
			joined.append(',').append(values.nextElement());
		}
		return joined.toString();
	}

	private KeyCheck check(@Nullable String presented) {
		if (presented == null || presented.isEmpty()) {
			return KeyCheck.MISSING;
		}
		// Digests have one length whatever the inputs, so isEqual compares in constant
		// time and not even the key's length leaks.
		// The web server hands header bytes over as ISO-8859-1 characters: turned back
		// into those bytes, a key sent in UTF-8 (as ELMA sends its settings) meets the
		// stand's key in UTF-8, whatever its alphabet.
		return MessageDigest.isEqual(this.expectedDigest, digest(presented.getBytes(StandardCharsets.ISO_8859_1)))
				? KeyCheck.OK : KeyCheck.WRONG;
	}

	private static byte[] digest(byte[] input) {
		// Bouncy Castle's digest directly: no provider lookup for every request.
		SHA256Digest sha256 = new SHA256Digest();
		sha256.update(input, 0, input.length);
		byte[] digest = new byte[sha256.getDigestSize()];
		sha256.doFinal(digest, 0);
		return digest;
	}

}
