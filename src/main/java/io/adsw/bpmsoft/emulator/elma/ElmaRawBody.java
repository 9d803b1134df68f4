package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.Charset;

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
