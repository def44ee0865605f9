/**
 * A published store served over TAP: {@link org.skyshard.serving.ServedStore} opens the
 * distributed engine and the single-node one over the same published version, and
 * {@link org.skyshard.serving.CatalogEngine} adapts them to the TAP layer's
 * {@code QueryEngine}. Used by {@code ./skyshard serve} and {@code demo} (module cli) and by the
 * benchmark's skyshard-over-TAP engine (module bench).
 */
package org.skyshard.serving;
