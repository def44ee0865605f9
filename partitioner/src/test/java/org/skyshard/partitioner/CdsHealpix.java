package org.skyshard.partitioner;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reflective adapter to the CDS HEALPix library (Debian package {@code libcds-healpix-java},
 * jar under {@code /usr/share/java}), the test-only oracle. It is deliberately not a Maven
 * dependency: the module builds and runs without it; the oracle tests fail, naming the package,
 * when the jar is missing. The CDS API takes longitude and latitude in radians.
 */
final class CdsHealpix {
    static final String MISSING = "install the Debian package libcds-healpix-java";
    private static final Path JAR_DIR = Path.of("/usr/share/java");

    private final ClassLoader loader;
    private final Method getNested;
    private final Method hash;
    private final Method center;
    private final Method neighbours;
    private final Method listSize;
    private final Method listGet;
    private final Method newConeComputer;
    private final Method overlappingCells;
    private final Method accDepth;
    private final Method accHash;
    private final Method accFull;
    private final Object[] nested = new Object[30];

    private CdsHealpix(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class<?> healpix = cls("cds.healpix.Healpix");
        Class<?> hn = cls("cds.healpix.HealpixNested");
        getNested = healpix.getMethod("getNested", int.class);
        hash = hn.getMethod("hash", double.class, double.class);
        center = hn.getMethod("center", long.class);
        neighbours = hn.getMethod("neighbours", long.class);
        Class<?> nl = cls("cds.healpix.NeighbourList");
        listSize = nl.getMethod("size");
        listGet = nl.getMethod("get", int.class);
        newConeComputer = hn.getMethod("newConeComputer", double.class);
        overlappingCells = cls("cds.healpix.HealpixNestedFixedRadiusConeComputer")
                .getMethod("overlappingCells", double.class, double.class);
        Class<?> acc = cls("cds.healpix.HealpixNestedBMOC$CurrentValueAccessor");
        accDepth = acc.getMethod("getDepth");
        accHash = acc.getMethod("getHash");
        accFull = acc.getMethod("isFull");
    }

    private Class<?> cls(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    /** Loads the library, or throws an AssertionError naming the Debian package. */
    static CdsHealpix load() {
        return load(JAR_DIR);
    }

    /** Loads the library from a {@code cdshealpix*.jar} in {@code dir}. */
    static CdsHealpix load(Path dir) {
        Path jar = findJar(dir);
        if (jar == null) {
            throw new AssertionError(MISSING + " (no cdshealpix*.jar in " + dir + ")");
        }
        try {
            URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, CdsHealpix.class.getClassLoader());
            return new CdsHealpix(cl);
        } catch (Exception e) {
            throw new AssertionError(MISSING + " (could not load " + jar + ": " + e + ")", e);
        }
    }

    private static Path findJar(Path dir) {
        Path plain = dir.resolve("cdshealpix.jar");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("cdshealpix.*\\.jar")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Object nested(int order) {
        if (nested[order] == null) {
            nested[order] = call(getNested, null, order);
        }
        return nested[order];
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    long ang2pix(int order, double raDeg, double decDeg) {
        return (Long) call(hash, nested(order), Math.toRadians(raDeg), Math.toRadians(decDeg));
    }

    /** Centre {ra, dec} in degrees. */
    double[] center(int order, long pix) {
        double[] c = (double[]) call(center, nested(order), pix);
        return new double[] {Math.toDegrees(c[0]), Math.toDegrees(c[1])};
    }

    long[] neighbours(int order, long pix) {
        Object list = call(neighbours, nested(order), pix);
        int n = (Integer) call(listSize, list);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (Long) call(listGet, list, i);
        }
        return out;
    }

    /** A cone cover cell: order, index, and whether CDS flags it as fully inside the cone. */
    record Cell(int order, long index, boolean full) {
    }

    List<Cell> cone(int order, double raDeg, double decDeg, double radiusDeg) {
        Object computer = call(newConeComputer, nested(order), Math.toRadians(radiusDeg));
        Object bmoc = call(overlappingCells, computer, Math.toRadians(raDeg), Math.toRadians(decDeg));
        List<Cell> out = new ArrayList<>();
        for (Iterator<?> it = ((Iterable<?>) bmoc).iterator(); it.hasNext(); ) {
            Object acc = it.next();
            out.add(new Cell((Integer) call(accDepth, acc), (Long) call(accHash, acc), (Boolean) call(accFull, acc)));
        }
        return out;
    }
}
