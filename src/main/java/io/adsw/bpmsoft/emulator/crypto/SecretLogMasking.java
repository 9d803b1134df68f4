package io.adsw.bpmsoft.emulator.crypto;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Masks the decrypted secrets and ELMA's key in the stand's log from the moment the
 * application context is prepared (Spring Boot has set logging up, the beans that connect
 * to the database are still to come): every appender's output, whatever its format
 * (Spring Boot's pattern or its structured JSON), is written with them as
 * {@value SecretMask#MASK}, messages and stack traces alike. Without secrets of four
 * characters or more, the log is left as it is.
 */
public class SecretLogMasking implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		List<String> values = SecretMask.secretValues(event.getApplicationContext().getEnvironment());
		if (values.isEmpty()) {
			return;
		}
		SecretMask.add(values);
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			for (Logger logger : context.getLoggerList()) {
				for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders
					.hasNext();) {
					if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream
							&& !(stream.getEncoder() instanceof Masking)) {
						stream.setEncoder(new Masking(stream.getEncoder()));
					}
				}
			}
		}
	}

	/** An appender's own encoder, its output with the secrets masked. */
	private static final class Masking extends EncoderBase<ILoggingEvent> {

		private final Encoder<ILoggingEvent> encoder;

		private final Charset charset;

		Masking(Encoder<ILoggingEvent> encoder) {
			this.encoder = encoder;
			this.charset = (encoder instanceof LayoutWrappingEncoder<ILoggingEvent> layout
					&& layout.getCharset() != null) ? layout.getCharset() : StandardCharsets.UTF_8;
			setContext(encoder.getContext());
			start();
		}

		@Override
		public byte[] headerBytes() {
			return this.encoder.headerBytes();
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			byte[] encoded = this.encoder.encode(event);
			return (encoded != null) ? SecretMask.mask(new String(encoded, this.charset)).getBytes(this.charset) : null;
		}

		@Override
		public byte[] footerBytes() {
			return this.encoder.footerBytes();
		}

	}

}
