package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body read already, handed on as the servlet stream a service reads: a body
 * sent in chunks and read to check its size, a request of a batch.
 */
public final class InMemoryBody {

	private InMemoryBody() {
	}

	/** A stream over the bytes, ready at once. */
	public static ServletInputStream of(byte[] body) {
		ByteArrayInputStream in = new ByteArrayInputStream(body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return in.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
			}

		};
	}

}
