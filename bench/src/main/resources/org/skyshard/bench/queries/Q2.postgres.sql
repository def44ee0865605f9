SELECT objectid, coord_ra, coord_dec,
       CASE WHEN g_cmodelflux > 0 AND g_cmodelflux <> 'NaN' THEN -2.5 * log(g_cmodelflux) + 31.4 END AS gmag,
       CASE WHEN r_cmodelflux > 0 AND r_cmodelflux <> 'NaN' THEN -2.5 * log(r_cmodelflux) + 31.4 END AS rmag,
       CASE WHEN i_cmodelflux > 0 AND i_cmodelflux <> 'NaN' THEN -2.5 * log(i_cmodelflux) + 31.4 END AS imag
FROM dp02_dc2_catalogs.object
WHERE q3c_radial_query(coord_ra, coord_dec, 62.0, -37.0, 0.5)
  AND detect_isprimary
  AND r_cmodelflux > 360 AND g_cmodelflux > 0
