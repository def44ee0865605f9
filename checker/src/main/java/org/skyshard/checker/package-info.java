/**
 * The replica checker ({@code ./skyshard check}): proves two sites hold the same catalog by
 * comparing structure and partitioning-independent content digests per HEALPix cell, and
 * drills down to the differing rows and columns. Only digests, row fingerprints of differing
 * cells and the differing rows themselves leave a {@link org.skyshard.checker.Site}.
 */
package org.skyshard.checker;
