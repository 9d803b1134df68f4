package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * What the journal keeps of a body the transport checks refused (405, 413, 415), which
 * the service never reads: its first bytes, and whether it was longer than them or not
 * read at all. A body still to be read is read by the journal before the answer goes.
 */
final class ElmaRefusedBody {

	static final String ATTRIBUTE = "io.adsw.bpmsoft.emulator.elma.ElmaRefusedBody";

	private final @Nullable Charset charset;

	private byte[] bytes;

	private boolean truncated;

	private boolean pending;

	private ElmaRefusedBody(byte[] bytes, boolean truncated, boolean pending, @Nullable Charset charset) {
		this.bytes = bytes;
		this.truncated = truncated;
		this.pending = pending;
		this.charset = charset;
	}

	/** No body was sent. */
	static ElmaRefusedBody none(@Nullable Charset charset) {
		return new ElmaRefusedBody(new byte[0], false, false, charset);
	}

	/** A body was announced and none of it is kept. */
	static ElmaRefusedBody notRead(@Nullable Charset charset) {
		return new ElmaRefusedBody(new byte[0], true, false, charset);
	}

	/** A body to be read once the answer has gone; until then none of it is kept. */
	static ElmaRefusedBody pending(@Nullable Charset charset) {
		return new ElmaRefusedBody(new byte[0], true, true, charset);
	}

	/** The beginning of a body that was longer than these bytes. */
	static ElmaRefusedBody beginning(byte[] bytes, @Nullable Charset charset) {
		return new ElmaRefusedBody(bytes, true, false, charset);
	}

	boolean isPending() {
		return this.pending;
	}

	/**
	 * Reads up to {@code limit} bytes of the body, one more to know whether it was
	 * longer. A client gone mid-body leaves what arrived, flagged as cut.
	 */
	void read(InputStream in, long announcedLength, int limit) {
		// A body whose length is announced takes no more room than it needs.
		int capacity = (int) ((announcedLength >= 0) ? Math.min(announcedLength, limit + 1L) : limit + 1L);
		byte[] buffer = new byte[capacity];
		int length = 0;
		try {
			int read;
			while (length < capacity && (read = in.read(buffer, length, capacity - length)) != -1) {
				length += read;
			}
			this.truncated = length > limit;
		}
		catch (IOException ex) {
			this.truncated = true;
		}
		this.bytes = Arrays.copyOf(buffer, Math.min(length, limit));
		this.pending = false;
	}

	/**
	 * The kept bytes as text, decoded leniently as the service reads a body: in the
	 * charset of its byte order mark, else the declared one, else UTF-8.
	 */
	String text() {
		return ElmaRawBody.textOf(this.bytes, this.charset);
	}

	/** Whether the body was longer than {@link #text()}: cut, or not read at all. */
	boolean truncated() {
		return this.truncated;
	}

}
