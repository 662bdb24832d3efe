"""Webhook deliveries of the bench user (TOKEN).

  webhook_drain.py HOST PORT count
      waits until none is pending, prints how many have succeeded
  webhook_drain.py HOST PORT START_MS END_MS BASELINE
      waits until none is pending; prints "<delivered/s from START_MS to the last delivery>
      <drain ms after END_MS> <delivered since BASELINE> <failed>"
"""
import json
import os
import sys
import time
import urllib.request

host, port = sys.argv[1], sys.argv[2]
token = os.environ["TOKEN"]


def count(status):
    request = urllib.request.Request(f"http://{host}:{port}/v1/webhook-deliveries?status={status}&limit=1",
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["pagination"]["totalItems"]


def drain():
    while count("PENDING") > 0:
        time.sleep(0.05)
    return int(time.time() * 1000)


if sys.argv[3] == "count":
    drain()
    print(count("SUCCEEDED"))
else:
    start_ms, end_ms, baseline = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    done_ms = drain()
    delivered = count("SUCCEEDED") - baseline
    print(f"{delivered * 1000 / max(1, done_ms - start_ms):.0f} {done_ms - end_ms} {delivered} {count('FAILED')}")
