SELECT objectId, coord_ra, coord_dec,
       CASE WHEN g_cModelFlux > 0 AND NOT isnan(g_cModelFlux) THEN -2.5 * log10(g_cModelFlux) + 31.4 END AS gmag,
       CASE WHEN r_cModelFlux > 0 AND NOT isnan(r_cModelFlux) THEN -2.5 * log10(r_cModelFlux) + 31.4 END AS rmag,
       CASE WHEN i_cModelFlux > 0 AND NOT isnan(i_cModelFlux) THEN -2.5 * log10(i_cModelFlux) + 31.4 END AS imag
FROM dp02_dc2_catalogs.Object
WHERE coord_dec BETWEEN -37.0 - 0.5 AND -37.0 + 0.5
  AND 2 * asin(sqrt(pow(sin(radians(coord_dec - (-37.0)) / 2), 2)
      + cos(radians(coord_dec)) * cos(radians(-37.0)) * pow(sin(radians(coord_ra - 62.0) / 2), 2)))
      <= radians(0.5)
  AND detect_isPrimary
  AND r_cModelFlux > 360 AND g_cModelFlux > 0
