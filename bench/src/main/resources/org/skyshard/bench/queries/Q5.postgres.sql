SELECT COUNT(*) AS n, AVG(r_psfflux) AS mean_r_psfflux
FROM dp02_dc2_catalogs.object
WHERE detect_isprimary AND r_extendedness = 0
