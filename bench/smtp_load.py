#!/usr/bin/env python3
"""SMTP load: CONNECTIONS threads, each on one SMTP session, send a 2 KiB message to ADDRESS again
and again for SECONDS. Prints "msgs/s p50 p99 errors" (latencies of MAIL..DATA, ms), like
run.sh's measure. Usage: smtp_load.py HOST PORT ADDRESS SECONDS CONNECTIONS"""
import smtplib, sys, threading, time

host, port, address = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seconds, connections = float(sys.argv[4]), int(sys.argv[5])
body = ("Subject: load\r\nFrom: load@elsewhere.test\r\nTo: " + address + "\r\n\r\n" + ("x" * 76 + "\r\n") * 26).encode()
latencies, errors, lock = [], [0], threading.Lock()
deadline = time.monotonic() + seconds

def worker():
    mine, failed = [], 0
    with smtplib.SMTP(host, port) as smtp:
        smtp.ehlo("load.test")
        while time.monotonic() < deadline:
            start = time.monotonic()
            try:
                smtp.sendmail("load@elsewhere.test", [address], body)
                mine.append((time.monotonic() - start) * 1000)
            except smtplib.SMTPException:
                failed += 1
    with lock:
        latencies.extend(mine)
        errors[0] += failed

threads = [threading.Thread(target=worker) for _ in range(connections)]
started = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - started
latencies.sort()
pick = lambda q: f"{latencies[min(len(latencies) - 1, int(q * len(latencies)))]:.2f}ms" if latencies else "-"
print(f"{len(latencies) / elapsed:.1f} {pick(0.5)} {pick(0.99)} {errors[0]}")
