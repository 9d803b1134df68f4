package io.adsw.bpmsoft.emulator.odata;

import org.jspecify.annotations.Nullable;

/**
 * What a path to one row finds ({@code Contact(<id>)}, {@code Contact(<id>)/CreatedBy}):
 * the row and its entity set; no row, because the key is unknown; or no row, because the
 * lookup the path follows is empty.
 *
 * @param set the entity set of the row found: the path's own, or its navigation's target
 * @param row the row, or {@code null} when there is none
 * @param emptyLookup whether there is none because the lookup followed is empty
 */
record RowAtPath(EntitySetMapping<?> set, @Nullable Object row, boolean emptyLookup) {

	static RowAtPath found(EntitySetMapping<?> set, Object row) {
		return new RowAtPath(set, row, false);
	}

	static RowAtPath unknownKey(EntitySetMapping<?> set) {
		return new RowAtPath(set, null, false);
	}

	static RowAtPath emptyLookup(EntitySetMapping<?> set) {
		return new RowAtPath(set, null, true);
	}

}
