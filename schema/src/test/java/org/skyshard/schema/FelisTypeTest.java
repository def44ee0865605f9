package org.skyshard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one type mapping, checked for every Felis datatype. */
class FelisTypeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # felis  | duckdb    | votable     | arraysize(len 16) | adql        | parquet | logical
      boolean  | BOOLEAN   | boolean     | -     | BOOLEAN     | BOOLEAN | -
      byte     | TINYINT   | unsignedByte| -     | SMALLINT    | INT32   | INTEGER(8,true)
      short    | SMALLINT  | short       | -     | SMALLINT    | INT32   | INTEGER(16,true)
      int      | INTEGER   | int         | -     | INTEGER     | INT32   | -
      long     | BIGINT    | long        | -     | BIGINT      | INT64   | -
      float    | REAL      | float       | -     | REAL        | FLOAT   | -
      double   | DOUBLE    | double      | -     | DOUBLE      | DOUBLE  | -
      char     | VARCHAR   | char        | 16    | CHAR(16)    | BINARY  | STRING
      string   | VARCHAR   | char        | 16*   | VARCHAR(16) | BINARY  | STRING
      unicode  | VARCHAR   | unicodeChar | 16*   | VARCHAR(16) | BINARY  | STRING
      text     | VARCHAR   | char        | *     | VARCHAR     | BINARY  | STRING
      binary   | BLOB      | unsignedByte| *     | BLOB        | BINARY  | -
      timestamp| TIMESTAMP | char        | *     | TIMESTAMP   | INT64   | TIMESTAMP(MICROS,false)
      """)
  void mapsEveryFelisDatatype(String felis, String duckdb, String votable, String arraysize,
      String adql, String parquet, String logical) {
    FelisType t = FelisType.fromFelis(felis).orElseThrow();
    assertEquals(felis, t.felisName());
    assertEquals(duckdb, t.duckdbType());
    assertEquals(votable, t.votableDatatype());
    assertEquals(arraysize, t.votableArraysize(16));
    assertEquals(adql, t.adqlType(16));
    PrimitiveType p = t.parquetType("c", true);
    assertEquals(PrimitiveTypeName.valueOf(parquet), p.getPrimitiveTypeName());
    assertEquals(Repetition.OPTIONAL, p.getRepetition());
    assertEquals(Repetition.REQUIRED, t.parquetType("c", false).getRepetition());
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    assertEquals(logical, a == null ? null : a.toString());
  }

  @Test
  void mapsEveryFelisDatatypeToArrow() {
    assertEquals(ArrowType.Bool.INSTANCE, FelisType.BOOLEAN.arrowType());
    assertEquals(new ArrowType.Int(8, true), FelisType.BYTE.arrowType());
    assertEquals(new ArrowType.Int(16, true), FelisType.SHORT.arrowType());
    assertEquals(new ArrowType.Int(32, true), FelisType.INT.arrowType());
    assertEquals(new ArrowType.Int(64, true), FelisType.LONG.arrowType());
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), FelisType.FLOAT.arrowType());
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), FelisType.DOUBLE.arrowType());
    for (FelisType t : EnumSet.of(FelisType.CHAR, FelisType.STRING, FelisType.UNICODE, FelisType.TEXT)) {
      assertEquals(ArrowType.Utf8.INSTANCE, t.arrowType());
      assertTrue(t.isText());
    }
    assertEquals(ArrowType.Binary.INSTANCE, FelisType.BINARY.arrowType());
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), FelisType.TIMESTAMP.arrowType());
  }

  @Test
  void scalarsHaveNoArraysizeAndUnlengthedStringsAreVariable() {
    Set<FelisType> scalars = EnumSet.of(FelisType.BOOLEAN, FelisType.BYTE, FelisType.SHORT,
        FelisType.INT, FelisType.LONG, FelisType.FLOAT, FelisType.DOUBLE);
    for (FelisType t : scalars) {
      assertNull(t.votableArraysize(null), t.name());
      assertTrue(t.isNumeric() || t == FelisType.BOOLEAN);
    }
    assertEquals("*", FelisType.CHAR.votableArraysize(null));
    assertEquals("*", FelisType.STRING.votableArraysize(null));
    assertEquals("VARCHAR", FelisType.STRING.adqlType(null));
    assertEquals(FelisType.TIMESTAMP, FelisType.fromFelis("datetime").orElseThrow());
    assertTrue(FelisType.fromFelis("DOUBLE").isPresent());
    assertTrue(FelisType.fromFelis("decimal").isEmpty());
  }

  @Test
  void everyColumnOfTheBundledSchemasHasAMappedType() {
    for (FelisSchema s : new FelisSchema[] {BundledSchemas.dp02(), BundledSchemas.obscore()}) {
      for (Table t : s.tables()) {
        for (Column c : t.columns()) {
          // Would throw for an unmapped combination.
          c.datatype().parquetType(c.name(), c.nullable());
          c.datatype().arrowType();
          assertTrue(c.adqlType() != null && c.datatype().duckdbType() != null);
        }
      }
    }
  }
}
