SELECT band, COUNT(*) AS n, AVG(psfflux) AS mean_psfflux
FROM dp02_dc2_catalogs.forcedsource
GROUP BY band
