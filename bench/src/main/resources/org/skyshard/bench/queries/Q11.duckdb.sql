SELECT objectId, ccdVisitId, band, psfFlux, psfFluxErr
FROM dp02_dc2_catalogs.ForcedSource
LIMIT 1000000
