package org.skyshard.ingest.generate;

import static org.skyshard.ingest.generate.Rules.constant;
import static org.skyshard.ingest.generate.Rules.diffError;
import static org.skyshard.ingest.generate.Rules.diffFlux;
import static org.skyshard.ingest.generate.Rules.directError;
import static org.skyshard.ingest.generate.Rules.directFlux;
import static org.skyshard.ingest.generate.Rules.flag;
import static org.skyshard.ingest.generate.Rules.gauss;
import static org.skyshard.ingest.generate.Rules.logNormal;
import static org.skyshard.ingest.generate.Rules.num;
import static org.skyshard.ingest.generate.Rules.text;
import static org.skyshard.ingest.generate.Rules.uniform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.ingest.generate.Rules.FluxShape;
import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.ingest.parquet.ColumnVector;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/**
 * The one table that decides how every non-structural column is filled: an ordered list of
 * (name pattern, datatypes) → value rule, with the share of NULLs (nullable columns only) and
 * NaNs (floating point only) to sprinkle in. Patterns match the column's <em>stem</em>: its name
 * without a band marker ({@code g_psfFlux}, {@code gPSFluxMean}, {@code flux_g}), the band going
 * to the rule. The first matching entry wins; the last entries are per-type fallbacks, so every
 * column of any Felis table gets a value of its type.
 */
final class ColumnRules {
  private static final Set<FelisType> FP = EnumSet.of(FelisType.FLOAT, FelisType.DOUBLE);
  private static final Set<FelisType> INTS =
      EnumSet.of(FelisType.BYTE, FelisType.SHORT, FelisType.INT, FelisType.LONG);
  private static final Set<FelisType> NUM = EnumSet.of(FelisType.BYTE, FelisType.SHORT,
      FelisType.INT, FelisType.LONG, FelisType.FLOAT, FelisType.DOUBLE);
  private static final Set<FelisType> BOOL = EnumSet.of(FelisType.BOOLEAN);
  private static final Set<FelisType> TEXT =
      EnumSet.of(FelisType.CHAR, FelisType.STRING, FelisType.UNICODE, FelisType.TEXT);
  private static final Set<FelisType> TIME = EnumSet.of(FelisType.TIMESTAMP);
  private static final Set<FelisType> ANY = EnumSet.allOf(FelisType.class);

  /** Shares of bad values in measurement columns. */
  private static final double FLUX_NAN = 0.01;
  private static final double MEAS_NAN = 0.003;
  private static final double MEAS_NULL = 0.002;

  private record Entry(Pattern stem, Set<FelisType> types, Function<String, ValueRule> rule,
      double nulls, double nans) {}

  private static final List<Entry> TABLE = new ArrayList<>();

  private static void exact(String regex, Set<FelisType> types, ValueRule rule) {
    TABLE.add(new Entry(Pattern.compile(regex), types, s -> rule, 0, 0));
  }

  /** A measurement: float precision, some NULLs and NaNs. */
  private static void meas(String regex, Set<FelisType> types, ValueRule rule) {
    ValueRule m = Rules.measured(rule);
    TABLE.add(new Entry(Pattern.compile(regex), types, s -> m, MEAS_NULL, MEAS_NAN));
  }

  /** A flux or flux error, from the column's stem: float precision, some NULLs, more NaNs. */
  private static void flux(String regex, Function<String, ValueRule> rule) {
    TABLE.add(new Entry(Pattern.compile(regex), FP, s -> Rules.measured(rule.apply(s)),
        MEAS_NULL, FLUX_NAN));
  }

  static {
    // Positions and times: never NULL or NaN.
    exact("coord_ra|ra|s_ra", FP, num((c, r, b, g) -> b < 0 ? c.ra[r]
        : ObjectCore.offsetRa(c.ra[r], c.dec[r], 0.02 * g.nextGaussian())));
    exact("coord_dec|dec|decl|s_dec", FP, num((c, r, b, g) -> b < 0 ? c.dec[r]
        : c.dec[r] + 0.02 * ObjectCore.ARCSEC * g.nextGaussian()));
    exact("obsStartMJD", FP, num((c, r, b, g) -> c.mjd[r] - VisitPlan.EXPOSURE / 2 / 86400));
    exact(".*MJD|midPointTai|radecTai|t_min", FP, num((c, r, b, g) -> c.mjd[r]));
    exact("t_max", FP, num((c, r, b, g) -> c.mjd[r] + VisitPlan.EXPOSURE / 86400));
    exact("obsStart.*", TIME, num(Rules.timestamp(-VisitPlan.EXPOSURE / 2)));
    exact(".*", TIME, num(Rules.timestamp(0)));

    // DiaObject light-curve summaries (gPSFluxMean ...): difference-image statistics.
    exact("PSFluxNdata", FP, num((c, r, b, g) -> 1 + g.nextInt(15)));
    flux("PSFlux(Mean|Median|Min|Max|LinearIntercept|Percentile\\d\\d)", s -> num(diffFlux()));
    flux("PSFlux(Sigma|MAD|ErrMean|MeanErr)", s -> num(diffError()));
    meas("PSFluxChi2", FP, num(logNormal(1.2, 0.5)));
    meas("PSFlux(Skew|LinearSlope|MaxSlope|StetsonJ)", FP, num(gauss(0, 0.5)));
    flux("TOTFluxMean", s -> num(directFlux(new FluxShape(1, 1, 1))));
    flux("TOTFlux(MeanErr|Sigma)", s -> num(directError(new FluxShape(1, 1, 1))));

    // Truth: noiseless.
    exact("flux", FP, num(Rules.trueFlux(1)));
    exact("flux_noMW", FP, num(Rules.trueFlux(1.08)));
    exact("mag", FP, num(Rules.trueMag()));

    // Difference-image fluxes: around zero, often negative.
    flux("psfDiffFlux|psFlux|apFlux|dipFluxDiff", s -> num(diffFlux()));
    flux("(psfDiffFlux|psFlux|apFlux|dipFluxDiff)Err", s -> num(diffError()));
    // Instrumental (count) fluxes and backgrounds.
    meas("localBackground_instFlux", FP, num(gauss(0, 5)));
    meas("localBackground_instFluxErr", FP, num(logNormal(8, 0.2)));
    flux("(.*_)?instFlux|dipMeanFlux", s -> num(scaled(directFlux(shapeOf(s)), 2.2)));
    flux("(.*_)?instFluxErr|dipMeanFluxErr", s -> num(scaled(directError(shapeOf(s)), 2.2)));
    meas("sky", FP, num(gauss(0, 20)));
    meas("skyErr", FP, num(logNormal(30, 0.2)));
    // Direct-image fluxes (nJy) and their errors, from the same true flux and shape.
    flux(".*Flux(_inner|B|D)?", s -> num(directFlux(shapeOf(s))));
    flux(".*Flux(B|D)?Err", s -> num(directError(shapeOf(s.substring(0, s.length() - 3)))));

    meas("psfFlux_apCorr", FP, num(gauss(1.0, 0.01)));
    meas("psfFlux_apCorrErr", FP, num(logNormal(0.002, 0.3)));
    meas("psfFlux_area", FP, num(logNormal(45, 0.2)));
    TABLE.add(new Entry(Pattern.compile("extendedness|refExtendedness"), FP,
        s -> num((c, r, b, g) -> c.extended[r] ? 1 : 0), 0, MEAS_NAN));
    exact("(.*_)?flag", NUM, constant(0));

    // Shapes and sizes.
    meas("ixx.*|iyy.*|shape_xx|shape_yy", FP, num(logNormal(6, 0.4)));
    meas("ixy.*|shape_xy", FP, num(gauss(0, 1)));
    meas(".*_e[12]|bdE[12]", FP, num((c, r, b, g) -> Math.max(-0.95, Math.min(0.95,
        0.25 * g.nextGaussian()))));
    meas("seeing|fwhm|refFwhm", FP, num(uniform(0.6, 1.1)));
    meas("psfSigma", FP, num(uniform(1.5, 2.4)));
    meas(".*sigma|bdRe[BD]|kronRad", FP, num(logNormal(2, 0.4)));
    meas(".*[Cc]hi2|match_chisq", FP, num(logNormal(1.2, 0.6)));
    meas("blendedness|blendedness_abs", FP, num((c, r, b, g) -> Math.pow(g.nextDouble(), 4)));
    meas("x|y|centroid_x|centroid_y", FP, num(uniform(0, 4072)));
    meas("xErr|yErr|centroid_xErr|centroid_yErr", FP,
        num((c, r, b, g) -> 0.01 + 0.3 * Math.pow(g.nextDouble(), 2)));
    meas("localPhotoCalib", FP, num(gauss(0.45, 0.01)));
    meas("localPhotoCalibErr", FP, num(logNormal(0.002, 0.2)));
    meas("localWcs_CDMatrix_(1_1|2_2)", FP, num(gauss(9.7e-7, 1e-9)));
    meas("localWcs_CDMatrix_(1_2|2_1)", FP, num(gauss(0, 1e-9)));
    meas("jacobian_value", FP, num(gauss(1, 0.001)));
    meas("variance_value", FP, num(logNormal(100, 0.3)));
    meas("snr", FP, num((c, r, b, g) -> 5 + 20 * Math.pow(g.nextDouble(), 3)));
    meas("dipAngle", FP, num(uniform(0, 180)));
    meas("dipLength", FP, num(uniform(0, 3)));
    exact("pixelId", NUM, num((c, r, b, g) -> 8_000_000_000L + g.nextInt(1_000_000_000)));

    // Visits, CCDs and data products.
    exact("airmass", FP, num(uniform(1.0, 1.8)));
    exact("altitude", FP, num(uniform(35, 90)));
    exact("azimuth", FP, num(uniform(0, 360)));
    exact("zenithDistance", FP, num(uniform(0, 55)));
    exact("skyRotation", FP, num(uniform(0, 360)));
    exact("expTime|darkTime|t_exptime|t_resolution", FP, constant(VisitPlan.EXPOSURE));
    exact("zeroPoint", FP, num(gauss(31.4, 0.1)));
    exact("skyBg", FP, num(uniform(500, 2000)));
    exact("skyNoise", FP, num(uniform(20, 45)));
    exact("(l|u)(l|r)cra", FP, null);
    exact("(l|u)(l|r)cdec", FP, null);
    exact("s_fov", FP, constant(0.33));
    exact("s_resolution", FP, num(gauss(0.75, 0.05)));
    exact("em_min", FP, num((c, r, b, g) -> Bands.EM_MIN[c.bandOf(r, b)]));
    exact("em_max", FP, num((c, r, b, g) -> Bands.EM_MAX[c.bandOf(r, b)]));
    exact("em_res_power", FP, num((c, r, b, g) -> {
      int k = c.bandOf(r, b);
      return (Bands.EM_MIN[k] + Bands.EM_MAX[k]) / 2 / (Bands.EM_MAX[k] - Bands.EM_MIN[k]);
    }));

    // Truth descriptors.
    exact("redshift", FP, num((c, r, b, g) -> c.extended[r] ? 0.05 + 2.9 * Math.pow(
        g.nextDouble(), 1.5) : 0));
    exact("is_variable", INTS, num((c, r, b, g) -> g.nextDouble() < 0.01 ? 1 : 0));
    exact("is_pointsource", INTS, num((c, r, b, g) -> c.extended[r] ? 0 : 1));
    exact("host_galaxy", INTS, constant(-1));
    exact("cosmodc2_hp", INTS, num((c, r, b, g) -> c.extended[r] ? 9000 + g.nextInt(1000) : -1));
    exact("cosmodc2_id", INTS, num((c, r, b, g) -> c.extended[r]
        ? 10_000_000_000L + g.nextInt(1_000_000_000) : -1));

    // Counts and small integers.
    exact("footprintArea(_value)?", INTS, num((c, r, b, g) -> 20 + Math.round(
        150 * Math.exp(g.nextGaussian()))));
    exact("inputCount", INTS, num((c, r, b, g) -> 20 + g.nextInt(180)));
    exact("deblend_nChild", INTS, num((c, r, b, g) -> g.nextDouble() < 0.9 ? 0 : 1 + g.nextInt(5)));
    exact("match_count", INTS, num((c, r, b, g) -> g.nextDouble() < 0.9 ? 1 : 2));
    exact("match_n_chisq_finite", INTS, num((c, r, b, g) -> 6 + g.nextInt(7)));
    exact("calib_level", INTS, constant(2));
    exact("bboxSize", INTS, num((c, r, b, g) -> 15 + g.nextInt(50)));
    exact("parent.*Id|ssObjectId|visit_system", INTS, constant(0));
    exact("xSize|s_xel1", INTS, constant(4072));
    exact("ySize|s_xel2", INTS, constant(4000));
    exact("t_xel|em_xel|pol_xel", INTS, constant(1));
    exact("detector", INTS, num((c, r, b, g) -> g.nextInt(VisitPlan.DETECTORS)));

    // Flags: mostly false, except the ones that mark good measurements.
    exact("detect_isPrimary", BOOL, flag(0.9));
    exact("detect_is(PatchInner|TractInner|DeblendedSource|DeblendedModelSource)", BOOL,
        flag(0.93));
    exact("detect_isIsolated", BOOL, flag(0.7));
    exact("match_candidate", BOOL, flag(0.95));
    exact("calib_.*", BOOL, flag(0.05));
    exact("isDipole", BOOL, flag(0.03));
    exact("sky_object|sky_source|merge_peak_sky", BOOL, flag(0.01));

    // Text.
    exact("band|filterName|lsst_band", TEXT, text((c, r, b, g) -> Bands.NAMES[c.bandOf(r, b)]));
    exact("refBand", TEXT, text("i"));
    exact("physical_filter|lsst_filter", TEXT,
        text((c, r, b, g) -> Bands.PHYSICAL[c.bandOf(r, b)]));
    exact("skymap", TEXT, text(SkyMap.NAME));
    exact("instrument|instrument_name", TEXT, text("LSSTCam-imSim"));
    exact("dataproduct_type", TEXT, text("image"));
    exact("dataproduct_subtype", TEXT, text("lsst.calexp"));
    exact("facility_name", TEXT, text("Rubin:Simonyi"));
    exact("obs_collection", TEXT, text("LSST.DP02"));
    exact("access_format", TEXT, text("application/x-votable+xml;content=datalink"));
    exact("o_ucd", TEXT, text("phot.count"));
    exact("target_name", TEXT, Rules.none());

    // Fallbacks by type.
    meas(".*", FP, num(gauss(0, 1)));
    exact(".*", INTS, num((c, r, b, g) -> g.nextInt(100)));
    exact(".*", BOOL, flag(0.01));
    exact(".*", TEXT, text(""));
    exact(".*", ANY, Rules.none());
  }

  private static final Pattern AP = Pattern.compile("ap(\\d\\d)Flux.*");
  private static final Pattern GAAP = Pattern.compile("gaap(\\d)p(\\d)Flux.*");

  /** The flux shape a measurement's name implies: aperture size, model, PSF. */
  static FluxShape shapeOf(String stem) {
    Matcher m = AP.matcher(stem);
    if (m.matches()) {
      double rad = Integer.parseInt(m.group(1));
      return new FluxShape(rad / (rad + 1.5), rad / (rad + 4), Math.max(1, rad / 9));
    }
    m = GAAP.matcher(stem);
    if (m.matches()) {
      double a = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) / 10.0;
      return new FluxShape(a / (a + 0.4), a / (a + 1.2), 1 + a / 3);
    }
    String s = stem.replaceFirst("^free_", "");
    if (s.startsWith("gaapOptimal")) {
      return new FluxShape(0.9, 0.7, 1.1);
    } else if (s.startsWith("gaapPsf")) {
      return new FluxShape(0.95, 0.6, 1);
    } else if (s.startsWith("psfFlux") || s.startsWith("psFlux")) {
      return new FluxShape(1, 0.75, 1);
    } else if (s.startsWith("bdFluxB")) {
      return new FluxShape(0.3, 0.4, 1.2);
    } else if (s.startsWith("bdFluxD")) {
      return new FluxShape(0.7, 0.6, 1.2);
    } else if (s.startsWith("calibFlux") || s.startsWith("apFlux_12")) {
      return new FluxShape(0.9, 0.8, 1.3);
    } else if (s.startsWith("apFlux_17")) {
      return new FluxShape(0.95, 0.85, 1.6);
    } else if (s.startsWith("kronFlux")) {
      return new FluxShape(0.98, 0.95, 1.4);
    } else if (s.startsWith("gaussianFlux")) {
      return new FluxShape(0.97, 0.85, 1);
    } else if (s.startsWith("cModelFlux_inner")) {
      return new FluxShape(0.9, 0.8, 1);
    }
    return new FluxShape(1, 1, 1);
  }

  private static Rules.Num scaled(Rules.Num f, double factor) {
    return (c, r, b, g) -> f.at(c, r, b, g) * factor;
  }

  /** A column name split into its band (0..5, or -1) and the rest. */
  record Stem(int band, String stem) {}

  private static final Pattern PREFIX = Pattern.compile("([ugrizy])_(.+)");
  private static final Pattern DIA_PREFIX = Pattern.compile("([ugrizy])((?:PS|TOT)Flux.*)");
  private static final Pattern SUFFIX = Pattern.compile("(flux|mag)_([ugrizy])(_noMW)?");

  static Stem stem(String name) {
    Matcher m = PREFIX.matcher(name);
    if (m.matches()) {
      return new Stem("ugrizy".indexOf(m.group(1)), m.group(2));
    }
    m = DIA_PREFIX.matcher(name);
    if (m.matches()) {
      return new Stem("ugrizy".indexOf(m.group(1)), m.group(2));
    }
    m = SUFFIX.matcher(name);
    if (m.matches()) {
      return new Stem("ugrizy".indexOf(m.group(2)),
          m.group(1) + (m.group(3) == null ? "" : m.group(3)));
    }
    return new Stem(-1, name);
  }

  /** One column of the table and the rule that fills it. */
  private record Bound(int column, ValueRule rule, int band, double nulls, double nans) {}

  private final List<Bound> bound;

  private ColumnRules(List<Bound> bound) {
    this.bound = bound;
  }

  /** Binds a rule to every column of {@code table} not in {@code structural}. */
  static ColumnRules forTable(Table table, Set<String> structural) {
    List<Bound> out = new ArrayList<>();
    List<Column> cols = table.columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      if (structural.contains(c.name())) {
        continue;
      }
      Stem s = stem(c.name());
      out.add(bind(i, c, s));
    }
    return new ColumnRules(out);
  }

  private static Bound bind(int index, Column c, Stem s) {
    for (Entry e : TABLE) {
      if (e.types().contains(c.datatype()) && e.stem().matcher(s.stem()).matches()) {
        ValueRule rule = e.rule().apply(s.stem());
        if (rule == null) {
          rule = corner(s.stem());
        }
        return new Bound(index, rule, s.band(), c.nullable() ? e.nulls() : 0,
            c.datatype().isFloatingPoint() ? e.nans() : 0);
      }
    }
    throw new IllegalStateException("no rule for column " + c.name());
  }

  /** CCD corners: {@code llcra} is lower-left RA, {@code urcdec} upper-right Dec. */
  private static ValueRule corner(String stem) {
    double half = VisitPlan.CCD_SIZE / 2;
    double dx = stem.charAt(1) == 'l' ? -half : half;
    double dy = stem.charAt(0) == 'l' ? -half : half;
    if (stem.endsWith("ra")) {
      return num((c, r, b, g) -> VisitPlan.wrap(c.ra[r]
          + dx / Math.max(Math.cos(Math.toRadians(c.dec[r])), 0.05)));
    }
    return num((c, r, b, g) -> Math.max(-90, Math.min(90, c.dec[r] + dy)));
  }

  /** Fills rows {@code [0, n)} of every rule-filled column, then sprinkles NULLs and NaNs. */
  void fill(ColumnBatch batch, RowContext ctx, int n, SplittableRandom rng) {
    for (Bound b : bound) {
      ColumnVector v = batch.vector(b.column());
      v.clearNulls(n);
      b.rule().fill(v, ctx, n, b.band(), rng);
      if (b.nulls() > 0) {
        boolean[] nulls = v.nulls();
        for (int r = skip(b.nulls(), rng); r < n; r += 1 + skip(b.nulls(), rng)) {
          nulls[r] = true;
        }
      }
      if (b.nans() > 0) {
        for (int r = skip(b.nans(), rng); r < n; r += 1 + skip(b.nans(), rng)) {
          if (v.kind() == ColumnVector.Kind.DOUBLE) {
            v.doubles()[r] = Double.NaN;
          } else {
            v.floats()[r] = Float.NaN;
          }
        }
      }
    }
  }

  /** Rows to skip before the next hit of a Bernoulli(p) sequence (geometric). */
  private static int skip(double p, SplittableRandom rng) {
    double k = Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(1 - p));
    return k > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) k;
  }
}
