package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Answers read off a raw socket, for requests an HTTP client would not send as they are
 * (unencoded characters, a body cut short).
 */
public final class RawResponses {

	private RawResponses() {
	}

	/** What the server sends until it closes the connection. */
	public static String read(Socket socket) throws IOException {
		return read(socket, null);
	}

	/**
	 * What the server sends until what was read holds the text given, for a connection
	 * the server may keep open, or until it closes the connection.
	 */
	public static String read(Socket socket, @Nullable String until) throws IOException {
		socket.setSoTimeout(10_000);
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		try {
			while ((read = in.read(buffer)) != -1) {
				response.write(buffer, 0, read);
				if (until != null && response.toString(StandardCharsets.UTF_8).contains(until)) {
					break;
				}
			}
		}
		catch (SocketException ex) {
			// The server may reset the connection once it has answered; what was read
			// counts.
		}
		return response.toString(StandardCharsets.UTF_8);
	}

}
