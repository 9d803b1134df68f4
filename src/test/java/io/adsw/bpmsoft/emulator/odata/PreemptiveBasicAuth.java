package io.adsw.bpmsoft.emulator.odata;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.olingo.client.core.http.DefaultHttpClientFactory;
import org.apache.olingo.commons.api.http.HttpMethod;

/**
 * HTTP clients for Olingo's OData client that send Basic credentials with every request.
 * Olingo's own factory waits for a {@code WWW-Authenticate} challenge, which a Creatio
 * stand (and so this one) never sends.
 */
final class PreemptiveBasicAuth extends DefaultHttpClientFactory {

	private final String authorization;

	PreemptiveBasicAuth(String user, String password) {
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public DefaultHttpClient create(HttpMethod method, URI uri) {
		DefaultHttpClient client = super.create(method, uri);
		client.addRequestInterceptor((request, context) -> request.addHeader("Authorization", this.authorization));
		return client;
	}

}
