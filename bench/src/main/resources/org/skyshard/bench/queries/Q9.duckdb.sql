SELECT mt.id_truth_type, mt.match_objectId, ts.ra, ts.dec, ts.truth_type, obj.coord_ra, obj.coord_dec
FROM dp02_dc2_catalogs.MatchesTruth AS mt
JOIN dp02_dc2_catalogs.TruthSummary AS ts ON mt.id_truth_type = ts.id_truth_type
JOIN dp02_dc2_catalogs.Object AS obj ON mt.match_objectId = obj.objectId
WHERE obj.coord_dec BETWEEN -37.0 - 0.10 AND -37.0 + 0.10
  AND 2 * asin(sqrt(pow(sin(radians(obj.coord_dec - (-37.0)) / 2), 2)
      + cos(radians(obj.coord_dec)) * cos(radians(-37.0)) * pow(sin(radians(obj.coord_ra - 62.0) / 2), 2)))
      <= radians(0.10)
