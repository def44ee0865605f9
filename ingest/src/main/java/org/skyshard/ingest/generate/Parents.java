package org.skyshard.ingest.generate;

/**
 * The parents that child rows hang off, the objects or the DiaObjects of one tile: where each
 * parent is, how many child rows it gets, and the object behind it (whose fluxes, morphology,
 * tract and patch its rows take).
 *
 * @param core the tile's objects
 * @param ra the parents' right ascensions, degrees
 * @param dec the parents' declinations, degrees
 * @param children how many child rows each parent gets
 * @param object the object index behind each parent, or null when the parents are the objects
 * @param idShift where a tile's range of child ids starts: {@code tile index << idShift}
 */
record Parents(ObjectCore core, double[] ra, double[] dec, int[] children, int[] object,
    int idShift) {

  /** The tile's objects, each with {@code children[i]} child rows. */
  static Parents objects(ObjectCore core, int[] children) {
    return new Parents(core, core.ra, core.dec, children, null, 38);
  }

  /** The tile's DiaObjects, each with {@code children[j]} child rows. */
  static Parents diaObjects(ObjectCore core, int[] children) {
    return new Parents(core, core.diaRa, core.diaDec, children, core.diaParent, 36);
  }

  int count() {
    return children.length;
  }

  /** The index in {@link #core} of the object behind {@code parent}. */
  int objectOf(int parent) {
    return object == null ? parent : object[parent];
  }

  /** The id of this tile's first child row in a table whose ids start at {@code base}. */
  long firstChildId(long base) {
    return base + ((long) core.tile.index() << idShift);
  }
}
