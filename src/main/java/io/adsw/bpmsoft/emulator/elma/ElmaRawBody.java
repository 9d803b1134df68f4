package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

/**
 * A request body as the transport checks let it through: its bytes, at most the size
 * limit, and the charset its {@code Content-Type} declared, if any.
 */
record ElmaRawBody(byte[] bytes, @Nullable Charset declaredCharset) {

	static final String ATTRIBUTE = "io.adsw.bpmsoft.emulator.elma.ElmaRawBody";

}
