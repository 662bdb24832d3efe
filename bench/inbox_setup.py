#!/usr/bin/env python3
"""Sets up the Inboxes API for the benchmark: a classic user, its api_key, a domain validated
through a throwaway DNS responder (this script answers the TXT query itself, on DNS_PORT), and an
inbox. Prints "KEY INBOX_ID ADDRESS". Usage: inbox_setup.py HOST HTTP_PORT DNS_PORT"""
import base64, json, socket, struct, sys, threading, urllib.request

host, port, dns_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = f"http://{host}:{port}/v2"

def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")

call("POST", "/user", {"username": "inbox-bench", "password": "bench-password"})
basic = base64.b64encode(b"inbox-bench:bench-password").decode()
key = call("POST", "/apikey", {"name": "bench"}, {"Authorization": "Basic " + basic})["key"]
auth = {"api_key": key}
domain = call("POST", "/domain", {"name": "bench.example.test"}, auth)

def answer_txt(value):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", dns_port))
    query, client = sock.recvfrom(512)
    qid = query[:2]
    question = query[12:]
    end = question.index(b"\x00") + 5
    txt = value.encode()
    record = b"\xc0\x0c" + struct.pack(">HHIH", 16, 1, 60, len(txt) + 1) + bytes([len(txt)]) + txt
    sock.sendto(qid + b"\x85\x80" + struct.pack(">HHHH", 1, 1, 0, 0) + question[:end] + record, client)
    sock.close()

responder = threading.Thread(target=answer_txt, args=(domain["validate"],))
responder.start()
validated = call("POST", f"/domain/{domain['id']}/validate", None, auth)
responder.join()
assert validated["status"] == "validated", validated
inbox = call("POST", "/inbox", {"name": "bench@bench.example.test"}, auth)
print(key, inbox["id"], inbox["name"])
