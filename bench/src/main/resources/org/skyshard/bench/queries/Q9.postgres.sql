SELECT mt.id_truth_type, mt.match_objectid, ts.ra, ts.dec, ts.truth_type, obj.coord_ra, obj.coord_dec
FROM dp02_dc2_catalogs.matchestruth AS mt
JOIN dp02_dc2_catalogs.truthsummary AS ts ON mt.id_truth_type = ts.id_truth_type
JOIN dp02_dc2_catalogs.object AS obj ON mt.match_objectid = obj.objectid
WHERE q3c_radial_query(obj.coord_ra, obj.coord_dec, 62.0, -37.0, 0.10)
