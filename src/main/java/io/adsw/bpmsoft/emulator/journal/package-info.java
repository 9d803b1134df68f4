/**
 * The journal: every ElmaService request the stand received, refused ones included, with
 * what it answered; written off the answer's path and bounded in the database.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.journal;

import org.jspecify.annotations.NullMarked;
