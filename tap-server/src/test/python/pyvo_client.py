"""What a pyvo 1.2 notebook does against the TAP service; exits non-zero on the first failure.

Usage: /usr/bin/python3 pyvo_client.py TAP_URL
Run by PyvoClientTest against the test catalog testcat.Star (1000 rows).
"""
import sys
import warnings

import pyvo
from astropy.table import Table

warnings.simplefilter("ignore")
url = sys.argv[1]
service = pyvo.dal.TAPService(url)


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)
    print("ok: " + what)


names = [t.name for t in service.tables]
check("testcat.Star" in names, "table listing has testcat.Star: %s" % names)
star = service.tables["testcat.Star"]
check("ra" in [c.name for c in star.columns], "columns of testcat.Star")

cone = service.search("SELECT id, ra, dec FROM testcat.Star "
                      "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 36, -73, 3))")
check(len(cone) == 28, "sync cone returns 28 rows (got %d)" % len(cone))
check(str(cone.to_table()["ra"].unit) == "deg", "ra carries its unit")

job = service.submit_job("SELECT TOP 7 id, name FROM testcat.Star ORDER BY id", maxrec=100)
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=120)
check(job.phase == "COMPLETED", "async job completed (phase %s)" % job.phase)
result = job.fetch_result()
check(len(result) == 7, "async result has 7 rows")
job.delete()
try:
    job.phase
    check(False, "deleted job is gone")
except pyvo.dal.DALServiceError:
    check(True, "deleted job is gone")

cut = service.search("SELECT id FROM testcat.Star", maxrec=5)
check(len(cut) == 5 and cut.query_status == "OVERFLOW", "MAXREC=5 gives 5 rows and OVERFLOW")

targets = Table({"target_id": [3, 5, 7], "label": ["a", "b", "c"]})
joined = service.search("SELECT u.label, s.id, s.name FROM TAP_UPLOAD.targets AS u "
                        "JOIN testcat.Star AS s ON s.id = u.target_id ORDER BY s.id",
                        uploads={"targets": targets})
check([int(x) for x in joined["id"]] == [3, 5, 7], "upload join returns ids 3, 5, 7")

try:
    service.search("SELECT id FROM testcat.Star\nWHERE nosuch > 1")
    check(False, "an invalid query raises DALQueryError")
except pyvo.dal.DALQueryError as e:
    check("line 2, column 7" in str(e), "invalid query error shows line and column: %s" % e)
print("all pyvo checks passed")
