SELECT fs.ccdvisitid, fs.band, fs.psfflux, fs.psffluxerr, o.coord_ra, o.coord_dec
FROM dp02_dc2_catalogs.forcedsource AS fs
JOIN dp02_dc2_catalogs.object AS o ON fs.objectid = o.objectid
WHERE o.objectid = {objectId}
