package io.adsw.bpmsoft.emulator.odata;

import java.util.List;

import org.apache.olingo.server.api.uri.UriInfoResource;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
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

	/** How many rows to take: {@code $top}, never more than {@link #MAX_ROWS}. */
	int limit() {
		return (this.top != null) ? Math.min(this.top, MAX_ROWS) : MAX_ROWS;
	}

}
