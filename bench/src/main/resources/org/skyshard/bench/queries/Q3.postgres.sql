SELECT objectid, coord_ra, coord_dec, g_psfflux, r_psfflux, i_psfflux, detect_isprimary
FROM dp02_dc2_catalogs.object
WHERE objectid = {objectId}
