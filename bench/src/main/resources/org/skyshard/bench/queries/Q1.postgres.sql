SELECT objectid, coord_ra, coord_dec, detect_isprimary
FROM dp02_dc2_catalogs.object
WHERE q3c_radial_query(coord_ra, coord_dec, {ra}, {dec}, 0.01)
