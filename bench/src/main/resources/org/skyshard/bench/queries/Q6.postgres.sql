SELECT FLOOR(CASE WHEN r_psfflux > 0 AND r_psfflux <> 'NaN' THEN -2.5 * log(r_psfflux) + 31.4 END) AS rmag_bin,
       COUNT(*) AS n
FROM dp02_dc2_catalogs.object
WHERE detect_isprimary
GROUP BY 1
