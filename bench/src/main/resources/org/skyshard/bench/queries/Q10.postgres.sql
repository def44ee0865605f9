SELECT column_name, datatype, unit, ucd, description
FROM tap_schema.columns
WHERE table_name = 'dp02_dc2_catalogs.Object'
