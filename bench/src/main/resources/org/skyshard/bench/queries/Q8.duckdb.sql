SELECT band, COUNT(*) AS n, AVG(psfFlux) AS mean_psfFlux
FROM dp02_dc2_catalogs.ForcedSource
GROUP BY band
