/**
 * The czar's query engine (issue 6): plans a validated ADQL query into per-chunk fragments and a
 * merge, sends the fragments to chunk workers and merges their streams. Planning does no I/O.
 */
package org.skyshard.query;
