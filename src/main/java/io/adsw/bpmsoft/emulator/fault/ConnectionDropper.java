package io.adsw.bpmsoft.emulator.fault;

import java.lang.reflect.Field;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a connection without answering, as a stand that crashes mid-request would. The
 * servlet API has no way to do that, so this reaches into Tomcat, the stand's web server;
 * elsewhere the request gets an empty answer and the connection is closed.
 */
final class ConnectionDropper {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionDropper.class);

	private ConnectionDropper() {
	}

	static void drop(ServletRequest request, HttpServletResponse response) {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		if (unwrapped instanceof RequestFacade facade) {
			try {
				Field field = RequestFacade.class.getDeclaredField("request");
				field.setAccessible(true);
				Request tomcatRequest = (Request) field.get(facade);
				tomcatRequest.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
				return;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				logger.warn("Cannot drop the connection in this web server, closing it after an empty answer", ex);
			}
		}
		response.setHeader("Connection", "close");
		response.setStatus(HttpServletResponse.SC_OK);
	}

}
