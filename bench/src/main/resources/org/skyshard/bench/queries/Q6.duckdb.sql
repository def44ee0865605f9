SELECT FLOOR(CASE WHEN r_psfFlux > 0 AND NOT isnan(r_psfFlux) THEN -2.5 * log10(r_psfFlux) + 31.4 END) AS rmag_bin,
       COUNT(*) AS n
FROM dp02_dc2_catalogs.Object
WHERE detect_isPrimary
GROUP BY 1
