#!/usr/bin/python3
"""Load driver for the closing note of issue 7 (not part of the test suite; measure once).

N clients run small cone searches over HTTP (/sync, VOTable BINARY2) for a fixed time while M
other clients run full-table scans; prints cone throughput and latency percentiles, scan
latencies and every error. Standard library only (keep-alive connection per client):

    /usr/bin/python3 cli/src/test/load/cone_load.py http://127.0.0.1:18089/tap \
        --cones 50 --scans 5 --seconds 60
"""
import argparse
import http.client
import random
import statistics
import threading
import time
import urllib.parse

CONE = ("SELECT objectId, coord_ra, coord_dec, r_psfFlux FROM dp02_dc2_catalogs.Object"
        " WHERE CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', {ra:.5f}, {dec:.5f},"
        " {radius})) = 1")
SCAN = ("SELECT COUNT(*), AVG(r_psfFlux) FROM dp02_dc2_catalogs.Object"
        " WHERE detect_isPrimary = 1")


class Client:
    """One keep-alive HTTP connection to the service."""

    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = u.hostname, u.port or 80, u.path.rstrip("/") + "/sync"
        self.conn = None

    def query(self, adql, timeout):
        body = urllib.parse.urlencode({"LANG": "ADQL", "REQUEST": "doQuery", "QUERY": adql})
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                self.conn.request("POST", self.path, body,
                                  {"Content-Type": "application/x-www-form-urlencoded"})
                r = self.conn.getresponse()
                data = r.read()
                return r.status, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise


def ok(status, data):
    return status == 200 and b'name="QUERY_STATUS" value="OK"' in data and b"<BINARY2>" in data


def run(url, kind, until, footprint, radius, out, errors, lock, seed):
    rnd = random.Random(seed)
    c = Client(url)
    while time.monotonic() < until:
        if kind == "cone":
            ra = rnd.uniform(footprint[0], footprint[1])
            dec = rnd.uniform(footprint[2], footprint[3])
            adql = CONE.format(ra=ra, dec=dec, radius=radius)
        else:
            adql = SCAN
        t0 = time.monotonic()
        try:
            status, data = c.query(adql, 600)
            good = ok(status, data)
            detail = "HTTP %d %s" % (status, data[:300]) if not good else None
        except Exception as e:  # a failed request is an error of the run, not of the driver
            good, detail = False, repr(e)
            c = Client(url)
        t1 = time.monotonic()
        with lock:
            if good:
                out.append((t0, t1 - t0))
            else:
                errors.append((kind, detail))


def pct(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--cones", type=int, default=50)
    ap.add_argument("--scans", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--radius", type=float, default=0.02, help="cone radius, degrees")
    ap.add_argument("--footprint", default="56,69,-41,-31", help="ra0,ra1,dec0,dec1 of the centres")
    ap.add_argument("--warmup", type=int, default=20, help="sequential cones before timing")
    a = ap.parse_args()
    fp = [float(x) for x in a.footprint.split(",")]
    warm = Client(a.url)
    rnd = random.Random(0)
    for _ in range(a.warmup):
        s, d = warm.query(CONE.format(ra=rnd.uniform(fp[0], fp[1]), dec=rnd.uniform(fp[2], fp[3]),
                                      radius=a.radius), 60)
        if not ok(s, d):
            raise SystemExit("warm-up cone failed: HTTP %d %s" % (s, d[:500]))
    lock = threading.Lock()
    cones, scans, errors = [], [], []
    start = time.monotonic()
    until = start + a.seconds
    threads = [threading.Thread(target=run, args=(a.url, "scan", until, fp, a.radius, scans,
                                                  errors, lock, 1000 + i)) for i in range(a.scans)]
    threads += [threading.Thread(target=run, args=(a.url, "cone", until, fp, a.radius, cones,
                                                   errors, lock, i)) for i in range(a.cones)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    lat = sorted(x[1] for x in cones)
    print("clients: %d cones (radius %g deg), %d scans; %.1f s (last requests finish after the"
          " deadline)" % (a.cones, a.radius, a.scans, elapsed))
    print("cones: %d done, %.1f/s; latency ms p50 %.0f p90 %.0f p99 %.0f max %.0f" % (
        len(lat), len(lat) / elapsed, 1000 * pct(lat, 50), 1000 * pct(lat, 90),
        1000 * pct(lat, 99), 1000 * (lat[-1] if lat else float("nan"))))
    if a.scans:
        s = sorted(x[1] for x in scans)
        print("scans: %d done; latency s median %.2f max %.2f" % (
            len(s), statistics.median(s) if s else float("nan"), s[-1] if s else float("nan")))
    print("errors: %d" % len(errors))
    for kind, detail in errors[:10]:
        print("  %s: %s" % (kind, detail))


if __name__ == "__main__":
    main()
