/** Finding the input files of each table and checking them: schema, values, keys, directors. */
package org.skyshard.ingest.input;
