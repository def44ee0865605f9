SELECT COUNT(*) AS n, AVG(r_psfFlux) AS mean_r_psfFlux
FROM dp02_dc2_catalogs.Object
WHERE detect_isPrimary AND r_extendedness = 0
