WITH o1 AS (
  SELECT objectId, coord_ra, coord_dec FROM dp02_dc2_catalogs.Object
  WHERE coord_dec BETWEEN -37.0 - 0.2 AND -37.0 + 0.2
    AND 2 * asin(sqrt(pow(sin(radians(coord_dec - (-37.0)) / 2), 2)
        + cos(radians(coord_dec)) * cos(radians(-37.0)) * pow(sin(radians(coord_ra - 62.0) / 2), 2)))
        <= radians(0.2)),
o2 AS (
  SELECT objectId, coord_ra, coord_dec FROM dp02_dc2_catalogs.Object
  WHERE coord_dec BETWEEN -37.0 - 0.2 - 5.0 / 3600 AND -37.0 + 0.2 + 5.0 / 3600)
SELECT id1, id2, dist FROM (
  SELECT o1.objectId AS id1, o2.objectId AS id2,
         degrees(2 * asin(sqrt(pow(sin(radians(o2.coord_dec - o1.coord_dec) / 2), 2)
           + cos(radians(o1.coord_dec)) * cos(radians(o2.coord_dec))
             * pow(sin(radians(o2.coord_ra - o1.coord_ra) / 2), 2)))) AS dist
  FROM o1 JOIN o2
    ON o2.coord_dec BETWEEN o1.coord_dec - 5.0 / 3600 AND o1.coord_dec + 5.0 / 3600
   AND o1.objectId <> o2.objectId)
WHERE dist < 5.0 / 3600
