SELECT objectId, coord_ra, coord_dec, detect_isPrimary
FROM dp02_dc2_catalogs.Object
WHERE coord_dec BETWEEN {dec} - 0.01 AND {dec} + 0.01
  AND 2 * asin(sqrt(pow(sin(radians(coord_dec - ({dec})) / 2), 2)
      + cos(radians(coord_dec)) * cos(radians({dec})) * pow(sin(radians(coord_ra - ({ra})) / 2), 2)))
      <= radians(0.01)
