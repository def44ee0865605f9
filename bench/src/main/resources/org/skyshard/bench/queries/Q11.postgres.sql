SELECT objectid, ccdvisitid, band, psfflux, psffluxerr
FROM dp02_dc2_catalogs.forcedsource
LIMIT 1000000
