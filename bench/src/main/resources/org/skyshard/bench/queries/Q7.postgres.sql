SELECT o1.objectid AS id1, o2.objectid AS id2,
       q3c_dist(o1.coord_ra, o1.coord_dec, o2.coord_ra, o2.coord_dec) AS dist
FROM dp02_dc2_catalogs.object AS o1, dp02_dc2_catalogs.object AS o2
WHERE q3c_radial_query(o1.coord_ra, o1.coord_dec, 62.0, -37.0, 0.2)
  AND q3c_join(o1.coord_ra, o1.coord_dec, o2.coord_ra, o2.coord_dec, 5.0 / 3600)
  AND q3c_dist(o1.coord_ra, o1.coord_dec, o2.coord_ra, o2.coord_dec) < 5.0 / 3600
  AND o1.objectid <> o2.objectid
