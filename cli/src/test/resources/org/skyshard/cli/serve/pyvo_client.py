"""What a notebook does with pyvo against skyshard: run by TapClientsTest with Debian's pyvo.

Usage: /usr/bin/python3 pyvo_client.py TAP_URL
Prints one line per check; exits non-zero on the first failure.
"""
import sys

import numpy as np
import pyvo
from astropy.table import Table

url = sys.argv[1]
service = pyvo.dal.TAPService(url)


def check(name, condition, detail=""):
    if not condition:
        print(f"FAIL {name}: {detail}")
        sys.exit(1)
    print(f"ok   {name}")


# Table listing (VOSI /tables; pyvo fetches per-table columns when needed).
tables = service.tables
names = [t.name for t in tables]
check("table listing", "dp02_dc2_catalogs.Object" in names and "TAP_SCHEMA.columns" in names,
      names)
obj = tables["dp02_dc2_catalogs.Object"]
columns = [c.name for c in obj.columns]
check("Object columns", "coord_ra" in columns and "r_cModelFlux" in columns, len(columns))

# Sync cone search, as the DP0.2 tutorials write it.
cone = ("SELECT objectId, coord_ra, coord_dec, scisql_nanojanskyToAbMag(r_cModelFlux) AS r_mag "
        "FROM dp02_dc2_catalogs.Object "
        "WHERE CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 1.0)) = 1")
result = service.search(cone)
t = result.to_table()
check("sync cone rows", len(t) > 0, len(t))
sep = np.degrees(np.arccos(np.clip(
    np.sin(np.radians(t["coord_dec"])) * np.sin(np.radians(-37))
    + np.cos(np.radians(t["coord_dec"])) * np.cos(np.radians(-37))
    * np.cos(np.radians(t["coord_ra"] - 62)), -1, 1)))
check("sync cone inside the circle", bool(np.all(sep <= 1.0 + 1e-9)), float(np.max(sep)))
check("sync cone units", str(t["coord_ra"].unit) == "deg", t["coord_ra"].unit)

# Async job: submit, wait, fetch, delete.
job = service.submit_job("SELECT TOP 50 objectId, coord_ra FROM dp02_dc2_catalogs.Object "
                         "ORDER BY objectId")
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=120)
check("async phase", job.phase == "COMPLETED", job.phase)
rows = job.fetch_result().to_table()
check("async rows", len(rows) == 50 and list(rows["objectId"]) == sorted(rows["objectId"]),
      len(rows))
job.delete()
try:
    job.phase
    check("async delete", False, "job still there")
except Exception:
    check("async delete", True)

# MAXREC: exactly MAXREC rows and the overflow flag.
limited = service.search("SELECT objectId FROM dp02_dc2_catalogs.Object", maxrec=7)
check("maxrec rows", len(limited) == 7, len(limited))
check("maxrec overflow flag", limited.query_status == "OVERFLOW", limited.query_status)

# Upload a target list and join it with the catalog.
some = t[:5]
targets = Table({"target_id": np.arange(len(some), dtype=np.int64),
                 "ra": np.array(some["coord_ra"], dtype=float),
                 "dec": np.array(some["coord_dec"], dtype=float)})
joined = service.search(
    "SELECT u.target_id, o.objectId FROM TAP_UPLOAD.targets AS u "
    "JOIN dp02_dc2_catalogs.Object AS o "
    "ON DISTANCE(POINT('ICRS', u.ra, u.dec), POINT('ICRS', o.coord_ra, o.coord_dec)) < 1e-6",
    uploads={"targets": targets}).to_table()
check("upload join", sorted(joined["objectId"]) == sorted(some["objectId"]),
      list(joined["objectId"]))

# An invalid query: a DALQueryError whose message shows line and column.
try:
    service.search("SELECT r_cmodelflx\nFROM dp02_dc2_catalogs.Object")
    check("invalid query raises", False, "no error")
except pyvo.dal.DALQueryError as e:
    message = str(e)
    check("invalid query raises", "line 1, column 8" in message and "r_cModelFlux" in message,
          message)

print("all pyvo checks passed")
