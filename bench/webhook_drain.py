"""Waits until the bench user's webhook deliveries are no longer pending; prints
"<deliveries per second since START_MS> <drain ms after wrk ended> <delivered> <failed>"."""
import json
import os
import sys
import time
import urllib.request

host, port, start_ms, end_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
token = os.environ["TOKEN"]


def count(status):
    request = urllib.request.Request(f"http://{host}:{port}/v1/webhook-deliveries?status={status}&limit=1",
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["pagination"]["totalItems"]


while count("PENDING") > 0:
    time.sleep(0.05)
done_ms = int(time.time() * 1000)
delivered = count("SUCCEEDED")
print(f"{delivered * 1000 / max(1, done_ms - start_ms):.0f} {done_ms - end_ms} {delivered} {count('FAILED')}")
