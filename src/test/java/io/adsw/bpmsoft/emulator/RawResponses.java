package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Answers read off a raw socket, for requests an HTTP client would not send as they are
 * (unencoded characters, a body cut short).
 */
public final class RawResponses {

	private RawResponses() {
	}

	/**
	 * Sends the request line and headers given as they are, signed in as the stand's
	 * user, and reads the answer to the end: the connection is closed after it.
	 */
	public static String signedIn(int port, String head) throws IOException {
		String credentials = Base64.getEncoder()
			.encodeToString((CreatioClient.USER + ":" + CreatioClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream()
				.write((head + "\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
			return read(socket);
		}
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
