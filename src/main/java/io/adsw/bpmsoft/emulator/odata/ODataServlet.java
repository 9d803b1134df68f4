package io.adsw.bpmsoft.emulator.odata;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;

import org.springframework.transaction.PlatformTransactionManager;

/**
 * The data service at {@code /0/odata} (.NET Framework stands) and {@code /odata} (.NET
 * Core stands). Olingo's handler keeps state for one request, so every request gets a new
 * one; the {@link OData} instance and the service metadata are shared.
 */
class ODataServlet extends HttpServlet {

	private final OData odata;

	private final ServiceMetadata metadata;

	private final ODataService service;

	private final PlatformTransactionManager transactions;

	private final JsonBatch jsonBatch;

	ODataServlet(OData odata, ServiceMetadata metadata, ODataService service, PlatformTransactionManager transactions,
			JsonBatch jsonBatch) {
		this.odata = odata;
		this.metadata = metadata;
		this.service = service;
		this.transactions = transactions;
		this.jsonBatch = jsonBatch;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (JsonBatch.handles(request)) {
			this.jsonBatch.process(request, response, this::dispatch);
			return;
		}
		dispatch(request, response);
	}

	private void dispatch(HttpServletRequest request, HttpServletResponse response) {
		ODataHttpHandler handler = this.odata.createHandler(this.metadata);
		handler.register(new ServiceDocumentWriter());
		handler.register(new EntityCollectionReader(this.service));
		handler.register(new EntityHandler(this.service));
		handler.register(new PropertyReader(this.service));
		handler.register(new MultipartBatchProcessor(this.transactions));
		handler.register(new CreatioErrorProcessor(this.service.json()));
		handler.process(plainTextForValues(spacesForPlus(request)), response);
	}

	/**
	 * ASP.NET reads a {@code +} in a query string as a space, and so does Creatio; Olingo
	 * would read it as a plus. A plus meant as such is sent as {@code %2B}.
	 */
	private static HttpServletRequest spacesForPlus(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !query.contains("+")) {
			return request;
		}
		String spaced = query.replace("+", "%20");
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getQueryString() {
				return spaced;
			}

		};
	}

	/**
	 * Creatio answers {@code $value} in plain text whatever the Accept header asks;
	 * Olingo would refuse JSON there, so the request is shown to it as asking for plain
	 * text.
	 */
	private static HttpServletRequest plainTextForValues(HttpServletRequest request) {
		String path = request.getPathInfo();
		if (path == null || !path.endsWith("/$value")) {
			return request;
		}
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return name.equalsIgnoreCase("Accept") ? "text/plain" : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return name.equalsIgnoreCase("Accept") ? Collections.enumeration(List.of("text/plain"))
						: super.getHeaders(name);
			}

		};
	}

}
