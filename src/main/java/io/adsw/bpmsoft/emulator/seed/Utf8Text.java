package io.adsw.bpmsoft.emulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A YAML document's bytes read as UTF-8, strictly, keeping count of the line and column
 * reached. The YAML parser reports bytes that are not UTF-8 (a file saved in
 * windows-1251) at the start of the document; this reader knows where they are. It hands
 * over every character before the first bad byte, and refuses that byte on the next read
 * (the JDK's own reader throws away the characters decoded with it).
 */
final class Utf8Text extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	private boolean end;

	private CharacterCodingException refused;

	private int line = 1;

	private int column = 1;

	Utf8Text(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer chars = CharBuffer.wrap(buffer, offset, length);
		while (chars.position() == offset) {
			if (this.refused != null) {
				throw this.refused;
			}
			CoderResult result = this.decoder.decode(this.bytes, chars, this.end);
			if (result.isError()) {
				this.refused = new CharacterCodingException();
			}
			else if (result.isUnderflow()) {
				if (this.end) {
					this.decoder.flush(chars);
					if (chars.position() == offset) {
						return -1;
					}
				}
				else {
					fill();
				}
			}
			else {
				break;
			}
		}
		for (int i = offset; i < chars.position(); i++) {
			count(buffer[i]);
		}
		return chars.position() - offset;
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (read < 0) {
			this.end = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	private void count(char c) {
		if (c == '\n') {
			this.line++;
			this.column = 1;
		}
		else if (!Character.isLowSurrogate(c)) {
			this.column++;
		}
	}

	/** Where the next character would be: after the last one read. */
	String position() {
		return "line " + this.line + ", column " + this.column;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
