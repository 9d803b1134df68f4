/**
 * Creatio's OData 4 data service over the stand's data, on Apache Olingo: the EDM, one
 * processor per Olingo interface, query options turned into database queries, Creatio's
 * wire conventions.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.odata;

import org.jspecify.annotations.NullMarked;
