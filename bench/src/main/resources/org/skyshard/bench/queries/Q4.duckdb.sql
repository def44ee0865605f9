SELECT fs.ccdVisitId, fs.band, fs.psfFlux, fs.psfFluxErr, o.coord_ra, o.coord_dec
FROM dp02_dc2_catalogs.ForcedSource AS fs
JOIN dp02_dc2_catalogs.Object AS o ON fs.objectId = o.objectId
WHERE o.objectId = {objectId} AND fs.objectId = {objectId}
