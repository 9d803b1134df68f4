package io.adsw.bpmsoft.emulator.crypto;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Masks the decrypted secrets in the stand's log, messages and stack traces alike, from
 * the moment the application context is prepared (Spring Boot has set logging up, the
 * beans that connect to the database are still to come): every pattern of the log's
 * appenders writes them as {@value SecretMask#MASK}. Without secrets decrypted, the log
 * is left as it is.
 */
public class SecretLogMasking implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		List<String> values = SecretMask.decryptedValues(event.getApplicationContext().getEnvironment());
		if (values.isEmpty()) {
			return;
		}
		SecretMask.add(values);
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			for (Logger logger : context.getLoggerList()) {
				for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders
					.hasNext();) {
					mask(appenders.next());
				}
			}
		}
	}

	private static void mask(Appender<ILoggingEvent> appender) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
				&& stream.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> encoder
				&& encoder.getLayout() instanceof PatternLayout layout) {
			Map<String, Supplier<DynamicConverter>> converters = layout.getInstanceConverterMap();
			for (String word : List.of("m", "msg", "message")) {
				converters.put(word, MaskedMessage::new);
			}
			converters.put("wEx", MaskedExtendedWhitespaceThrowable::new);
			converters.put("wex", MaskedWhitespaceThrowable::new);
			for (String word : List.of("ex", "exception", "throwable")) {
				converters.put(word, MaskedThrowable::new);
			}
			// Parses the pattern again, with the converters above.
			layout.stop();
			layout.start();
		}
	}

	private static final class MaskedMessage extends MessageConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return SecretMask.mask(super.convert(event));
		}

	}

	private static final class MaskedThrowable extends ThrowableProxyConverter {

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			return SecretMask.mask(super.throwableProxyToString(throwable));
		}

	}

	private static final class MaskedWhitespaceThrowable extends WhitespaceThrowableProxyConverter {

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			return SecretMask.mask(super.throwableProxyToString(throwable));
		}

	}

	private static final class MaskedExtendedWhitespaceThrowable extends ExtendedWhitespaceThrowableProxyConverter {

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			return SecretMask.mask(super.throwableProxyToString(throwable));
		}

	}

}
