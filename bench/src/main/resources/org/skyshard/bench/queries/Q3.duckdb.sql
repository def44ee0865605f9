SELECT objectId, coord_ra, coord_dec, g_psfFlux, r_psfFlux, i_psfFlux, detect_isPrimary
FROM dp02_dc2_catalogs.Object
WHERE objectId = {objectId}
