package io.adsw.bpmsoft.emulator.odata;

import java.util.List;

import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriInfoResource;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.jspecify.annotations.Nullable;

/**
 * The query options of a request, or of one {@code $expand} item: what to filter, sort,
 * skip, take, count, select and expand.
 */
record ODataQuery(@Nullable Expression filter, List<OrderByItem> orders, int skip, @Nullable Integer top, boolean count,
		@Nullable SelectOption select, @Nullable ExpandOption expand) {

	/** At most this many rows in one answer, as on a Creatio stand. */
	static final int MAX_ROWS = 20_000;

	static ODataQuery of(UriInfoResource uri) {
		return new ODataQuery((uri.getFilterOption() != null) ? uri.getFilterOption().getExpression() : null,
				(uri.getOrderByOption() != null) ? uri.getOrderByOption().getOrders() : List.of(),
				(uri.getSkipOption() != null) ? uri.getSkipOption().getValue() : 0,
				(uri.getTopOption() != null) ? uri.getTopOption().getValue() : null,
				uri.getCountOption() != null && uri.getCountOption().getValue(), uri.getSelectOption(),
				uri.getExpandOption());
	}

	static ODataQuery of(ExpandItem item) {
		return new ODataQuery((item.getFilterOption() != null) ? item.getFilterOption().getExpression() : null,
				(item.getOrderByOption() != null) ? item.getOrderByOption().getOrders() : List.of(),
				(item.getSkipOption() != null) ? item.getSkipOption().getValue() : 0,
				(item.getTopOption() != null) ? item.getTopOption().getValue() : null,
				item.getCountOption() != null && item.getCountOption().getValue(), item.getSelectOption(),
				item.getExpandOption());
	}

	/**
	 * Refuses the system query options the service does not implement, at the top and in
	 * every {@code $expand} item, with 501 instead of answering as if they were absent.
	 */
	static void checkImplemented(UriInfoResource uri) {
		refuse(uri.getSearchOption(), "$search");
		refuse(uri.getApplyOption(), "$apply");
		refuse(uri.getSkipTokenOption(), "$skiptoken");
		refuse(uri.getDeltaTokenOption(), "$deltatoken");
		checkImplemented(uri.getExpandOption());
	}

	private static void checkImplemented(@Nullable ExpandOption expand) {
		if (expand == null) {
			return;
		}
		for (ExpandItem item : expand.getExpandItems()) {
			refuse(item.getSearchOption(), "$search");
			refuse(item.getApplyOption(), "$apply");
			refuse(item.getLevelsOption(), "$levels");
			checkImplemented(item.getExpandOption());
		}
	}

	private static void refuse(@Nullable Object option, String name) {
		if (option != null) {
			throw notImplemented(name);
		}
	}

	/**
	 * Refuses every system query option of a change: the guide allows no options on POST,
	 * PATCH and DELETE, so {@code $select} or {@code $expand} there is refused as
	 * {@code $filter} or {@code $top} is, rather than ignored.
	 */
	static void checkNone(UriInfo uri, String method) {
		List<String> options = uri.getSystemQueryOptions().stream().map(SystemQueryOption::getName).toList();
		if (!options.isEmpty()) {
			throw notAllowed(options, method);
		}
	}

	/** ASP.NET OData's refusal of system query options a method does not take. */
	static ODataRequestException notAllowed(List<String> options, String method) {
		String named = (options.size() == 1) ? "option '" + options.get(0) + "' is"
				: "options '" + String.join("', '", options) + "' are";
		return ODataRequestException
			.invalidQuery("The system query " + named + " not allowed for HTTP method '" + method + "'.");
	}

	/** 501 for a system query option the service does not implement. */
	static ODataRequestException notImplemented(String option) {
		String message = "The system query option " + option + " is not supported.";
		return new ODataRequestException(HttpStatusCode.NOT_IMPLEMENTED, message, message);
	}

	/** How many rows to take: {@code $top}, never more than {@link #MAX_ROWS}. */
	int limit() {
		return (this.top != null) ? Math.min(this.top, MAX_ROWS) : MAX_ROWS;
	}

}
