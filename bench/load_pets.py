#!/usr/bin/env python3
"""Loads N classic pets (1% available) into a running server, then reads every one back and
writes each as a static file for nginx (the ceiling measurement). Exits non-zero on any error."""
import http.client
import json
import os
import sys
import threading

host, port, count, first_id, static_dir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
THREADS = 8
errors = []


def pet(i):
    status = "available" if i % 100 == 0 else ("pending" if i % 2 else "sold")
    return {"id": first_id + i, "category": {"id": i % 5, "name": "bench"}, "name": "bench pet %d" % i,
            "photoUrls": ["https://example.com/%d.png" % i], "tags": [{"id": i % 10, "name": "tag%d" % (i % 10)}],
            "status": status}


def work(part):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for i in range(part, count, THREADS):
        body = json.dumps(pet(i))
        conn.request("POST", "/v2/pet", body, {"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            errors.append("POST %d -> %d" % (i, r.status))
    for i in range(part, count, THREADS):
        conn.request("GET", "/v2/pet/%d" % (first_id + i))
        r = conn.getresponse()
        data = r.read()
        if r.status != 200:
            errors.append("GET %d -> %d" % (i, r.status))
            continue
        d = os.path.join(static_dir, "v2", "pet")
        with open(os.path.join(d, str(first_id + i)), "wb") as f:
            f.write(data)
    conn.close()


os.makedirs(os.path.join(static_dir, "v2", "pet"), exist_ok=True)
threads = [threading.Thread(target=work, args=(p,)) for p in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if errors:
    print("load errors: %d, first: %s" % (len(errors), errors[:5]), file=sys.stderr)
    sys.exit(1)
print("loaded %d pets" % count)
