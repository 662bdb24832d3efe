"""Writes the ids of every AVAILABLE /v1 pet of the shared pool, one per line (for post_v1_order.lua)."""
import json
import sys
import urllib.request

host, port, out = sys.argv[1], sys.argv[2], sys.argv[3]
ids, page = [], 1
while True:
    with urllib.request.urlopen(f"http://{host}:{port}/v1/pets?status=AVAILABLE&limit=100&page={page}") as r:
        body = json.load(r)
    ids += [p["id"] for p in body["data"]]
    if page >= body["pagination"]["totalPages"]:
        break
    page += 1
with open(out, "w") as f:
    f.write("\n".join(ids) + "\n")
print(len(ids))
