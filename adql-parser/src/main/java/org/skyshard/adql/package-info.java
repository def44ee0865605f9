/**
 * ADQL 2.1 on Apache Calcite: a hand-written parser producing positioned {@code SqlNode}s
 * ({@link org.skyshard.adql.AdqlParser}), one function catalogue
 * ({@link org.skyshard.adql.AdqlFunctions}), validation against Felis schemas and one message
 * catalogue ({@link org.skyshard.adql.AdqlMessages}), and DuckDB SQL with geometry rewritten into
 * arithmetic. The entry point is {@link org.skyshard.adql.AdqlTranslator}.
 */
package org.skyshard.adql;
