package org.skyshard.tap.vosi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.skyshard.adql.AdqlFunction;
import org.skyshard.adql.AdqlFunctions;

/**
 * The declared language features: the geometry functions and user-defined functions of the
 * ADQL function catalogue ({@link AdqlFunctions}, the one list the translator accepts), with
 * UDF signatures in TAPRegExt form, plus the non-function features of {@code adql-features.tsv}.
 */
public final class CatalogueFeatures implements LanguageFeatures {
  private static final String GEO = "ivo://ivoa.net/std/TAPRegExt#features-adqlgeo";
  private static final String UDF = "ivo://ivoa.net/std/TAPRegExt#features-udf";
  /** The ADQL 2.1 geometry features TAPRegExt knows; the catalogue's internal CAST_* are not. */
  private static final Set<String> ADQL_GEOMETRY = Set.of("AREA", "BOX", "CENTROID", "CIRCLE",
      "CONTAINS", "COORD1", "COORD2", "COORDSYS", "DISTANCE", "INTERSECTS", "POINT", "POLYGON",
      "REGION");

  private final List<LanguageFeature> features;

  public CatalogueFeatures(AdqlFunctions catalogue, LanguageFeatures others) {
    List<LanguageFeature> geo = new ArrayList<>();
    List<LanguageFeature> udf = new ArrayList<>();
    RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    for (AdqlFunction f : catalogue.all()) {
      if (f.category() == AdqlFunction.Category.GEOMETRY && ADQL_GEOMETRY.contains(f.name())) {
        geo.add(new LanguageFeature(GEO, f.name(), "ADQL geometry function " + f.name()));
      } else if (f.category() == AdqlFunction.Category.UDF) {
        udf.add(new LanguageFeature(UDF, signature(f, types), "user-defined function "
            + f.operator().getName()));
      }
    }
    List<LanguageFeature> all = new ArrayList<>(geo);
    all.addAll(udf);
    all.addAll(others.features());
    this.features = Collections.unmodifiableList(all);
  }

  /** The standard catalogue and the bundled non-function features. */
  public static CatalogueFeatures standard() {
    return new CatalogueFeatures(AdqlFunctions.standard(), LanguageFeatures.bundled());
  }

  /** {@code name(x1 DOUBLE, x2 DOUBLE) -> DOUBLE}, the TAPRegExt form of a UDF. */
  static String signature(AdqlFunction f, RelDataTypeFactory types) {
    RelDataType dbl = types.createSqlType(SqlTypeName.DOUBLE);
    List<RelDataType> args = Collections.nCopies(f.minArgs(), dbl);
    String result;
    try {
      result = f.operator().inferReturnType(types, args).getSqlTypeName().getName();
    } catch (RuntimeException e) {
      result = "DOUBLE";
    }
    StringBuilder b = new StringBuilder(f.operator().getName()).append('(');
    for (int i = 0; i < f.minArgs(); i++) {
      b.append(i > 0 ? ", " : "").append("x").append(i + 1).append(" DOUBLE");
    }
    return b.append(") -> ").append(result.toUpperCase(Locale.ROOT)).toString();
  }

  @Override
  public List<LanguageFeature> features() {
    return features;
  }
}
