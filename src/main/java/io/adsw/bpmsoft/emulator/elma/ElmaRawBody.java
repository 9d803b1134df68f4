package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A request body as the transport checks let it through: its bytes, at most the size
 * limit, and the charset its {@code Content-Type} declared, if any. The fault rules, the
 * service and the journal all need its fields; it is read once for all of them.
 */
final class ElmaRawBody {

	static final String ATTRIBUTE = "io.adsw.bpmsoft.emulator.elma.ElmaRawBody";

	private final byte[] bytes;

	private final @Nullable Charset declaredCharset;

	private @Nullable ElmaFields fields;

	private @Nullable ElmaRefusal refusal;

	ElmaRawBody(byte[] bytes, @Nullable Charset declaredCharset) {
		this.bytes = bytes;
		this.declaredCharset = declaredCharset;
	}

	byte[] bytes() {
		return this.bytes;
	}

	@Nullable Charset declaredCharset() {
		return this.declaredCharset;
	}

	/**
	 * The charset the body is read in: a byte order mark wins over the declared charset;
	 * without either the body is UTF-8.
	 */
	Charset charset() {
		return charsetOf(this.bytes, this.declaredCharset);
	}

	/** Where the text begins: after the byte order mark, if there is one. */
	int textOffset() {
		return byteOrderMarkLength(this.bytes);
	}

	/**
	 * The body as text, bytes the charset does not hold shown as replacement characters:
	 * for the journal, which shows a body as the service read it, also one the service
	 * refused.
	 */
	String text() {
		return textOf(this.bytes, this.declaredCharset);
	}

	/**
	 * Bytes of a body as the service reads them, leniently: in the charset of their byte
	 * order mark, else the declared one, else UTF-8, without the mark.
	 */
	static String textOf(byte[] bytes, @Nullable Charset declared) {
		int offset = byteOrderMarkLength(bytes);
		return new String(bytes, offset, bytes.length - offset, charsetOf(bytes, declared));
	}

	private static Charset charsetOf(byte[] bytes, @Nullable Charset declared) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return StandardCharsets.UTF_16BE;
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		return (declared != null) ? declared : StandardCharsets.UTF_8;
	}

	private static int byteOrderMarkLength(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return 3;
		}
		return (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) ? 2 : 0;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The body's JSON object, read on first use; a request is worked on by one thread at
	 * a time, so no lock is needed.
	 * @throws ElmaRefusal when the body cannot be read (checks 2 and 3), every time it is
	 * asked for
	 */
	ElmaFields fields() {
		if (this.fields == null && this.refusal == null) {
			try {
				this.fields = ElmaRequestReader.read(this);
			}
			catch (ElmaRefusal ex) {
				this.refusal = ex;
			}
		}
		if (this.refusal != null) {
			// Carries no stack trace (ElmaRefusal), so one instance serves every reader.
			throw this.refusal;
		}
		return this.fields;
	}

}
