#!/usr/bin/env python3
"""Measures the sign-in brake's lock-out behaviour with the default settings (docs/security.md).

Usage: bench/brake.py (after ./mvnw -DskipTests package). Starts target/petstore.jar twice on a
temporary H2 database: first with the per-address brake off (to watch each place's account lock
on its own), then with every default (to watch the address lock). Waits for the 60 s locks to
end, so it takes about three minutes. Knobs (environment): BENCH_PORT (18095), JAVA (java).
Prints Markdown tables.
"""
import base64
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PORT = int(os.environ.get("BENCH_PORT", "18095"))
BASE = f"http://127.0.0.1:{PORT}"
JAVA = os.environ.get("JAVA", "java")
ADMIN_PASSWORD = "Bench-Admin-1"
PASSWORD = "SecurePass123!"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(method, path, body=None, headers=None, opener=None):
    """(status, headers, body text, milliseconds)"""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers or {})
    start = time.perf_counter()
    try:
        with (opener or PLAIN).open(req, timeout=30) as response:
            text = response.read().decode()
            status, head = response.status, response.headers
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        status, head = error.code, error.headers
    return status, head, text, (time.perf_counter() - start) * 1000


PLAIN = urllib.request.build_opener(NoRedirect())


def json_post(path, payload, tenant, token=None):
    headers = {"Content-Type": "application/json", "X-Tenant-ID": tenant}
    if token:
        headers["Authorization"] = "Bearer " + token
    return request("POST", path, json.dumps(payload), headers)


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def start(data_dir, *extra):
    log = open(os.path.join(data_dir, "server.log"), "a")
    server = subprocess.Popen([JAVA, "-Xmx384m", "-jar", "target/petstore.jar", f"--server.port={PORT}",
                               f"--petstore.data-dir={data_dir}", f"--petstore.admin.password={ADMIN_PASSWORD}",
                               "--petstore.inbox.smtp.enabled=false", "--petstore.classic.strict-auth=true", *extra],
                              stdout=log, stderr=subprocess.STDOUT)
    for _ in range(240):
        try:
            if request("GET", "/actuator/health")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.kill()
    sys.exit("the server did not start; see " + log.name)


class Place:
    """One place where a secret is checked: attempt(name, secret) -> (status, headers, body, ms)."""

    def __init__(self, title, attempt, known, right):
        self.title, self.attempt, self.known, self.right = title, attempt, known, right


def places(tenant):
    admin = json_post("/v1/auth/tokens", {"username": "admin", "password": ADMIN_PASSWORD}, tenant)
    admin_token = json.loads(admin[2])["token"]
    assert json_post("/v1/users", {"username": "alice", "firstName": "A", "lastName": "L", "email": "alice@example.com",
                                   "password": PASSWORD}, tenant)[0] == 201
    assert json_post("/v1/users", {"username": "carol", "firstName": "C", "lastName": "L", "email": "carol@example.com",
                                   "password": PASSWORD}, tenant)[0] == 201
    assert json_post("/v2/user", {"username": "dave", "password": "pw-dave"}, tenant)[0] == 200
    assert json_post("/v2/user", {"username": "erin", "password": "pw-erin"}, tenant)[0] == 200
    client = json.loads(json_post("/v1/admin/oauth-clients", {"clientName": "bench", "grantTypes": ["client_credentials"],
                                                               "scopes": ["read:pets"]}, tenant, admin_token)[2])

    def tokens(name, secret):
        return json_post("/v1/auth/tokens", {"username": name, "password": secret}, tenant)

    def login_page(name, secret):
        jar = urllib.request.build_opener(NoRedirect(), urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form = request("GET", "/login", opener=jar)[2]
        csrf = re.search(r'name="_csrf" value="([^"]*)"', form).group(1)
        body = urllib.parse.urlencode({"username": name, "password": secret, "tenant": tenant, "_csrf": csrf})
        status, head, text, ms = request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"},
                                         opener=jar)
        if status == 302:
            text = "-> " + head.get("Location", "").replace(BASE, "")
        return status, head, text, ms

    def oauth_token(client_id, secret):
        return request("POST", "/oauth2/token", "grant_type=client_credentials",
                       {"Content-Type": "application/x-www-form-urlencoded", "Authorization": basic(client_id, secret)})

    def apikey(name, secret):
        return request("POST", "/v2/apikey", "{}", {"Content-Type": "application/json", "X-Tenant-ID": tenant,
                                                    "Authorization": basic(name, secret)})

    def classic_login(name, secret):
        query = urllib.parse.urlencode({"username": name, "password": secret})
        return request("GET", "/v2/user/login?" + query, headers={"X-Tenant-ID": tenant, "Accept": "application/json"})

    return [Place("`POST /v1/auth/tokens`", tokens, "alice", PASSWORD),
            Place("`POST /login` (OAuth2 login page)", login_page, "carol", PASSWORD),
            Place("`POST /oauth2/token` (client secret)", oauth_token, client["clientId"], client["clientSecret"]),
            Place("`POST /v2/apikey` (HTTP Basic)", apikey, "dave", "pw-dave"),
            Place("`GET /v2/user/login` (strict mode)", classic_login, "erin", "pw-erin")]


def short(reply):
    status, head, text, _ = reply
    extra = ""
    if head.get("Retry-After"):
        extra = f", Retry-After {head['Retry-After']}"
    if status == 302:
        extra = " " + text
    return f"{status}{extra}"


def median(values):
    return f"{statistics.median(values):.0f}"


def account_locks(data_dir):
    server = start(data_dir, "--petstore.brake.address-max-failures=0")
    try:
        tenant = str(uuid.uuid4())
        rows = []
        for n, place in enumerate(places(tenant)):
            # an unknown name of its own per place (places of one kind share the name's counter)
            place.unknown = f"nobody-{n}"
            known, unknown = [], []
            statuses = set()
            for i in range(5):
                k = place.attempt(place.known, f"wrong-{i}")
                u = place.attempt(place.unknown, f"wrong-{i}")
                statuses.add((k[0], u[0]))
                known.append(k[3])
                unknown.append(u[3])
            sixth = place.attempt(place.known, place.right)
            sixth_unknown = place.attempt(place.unknown, "any")
            rows.append([place, statuses, median(known), median(unknown), sixth, sixth_unknown])
        wait = max(int(row[4][1].get("Retry-After", "0")) for row in rows)
        time.sleep(wait + 1)
        print(f"Per account (or client id), the address brake off; {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores\n")
        print("| place | attempts 1-5, wrong secret: status (known / unknown name) | median ms known / unknown "
              "| attempt 6, right secret | ms | attempt 6, unknown name | after Retry-After, right secret |")
        print("|---|---|---|---|---|---|---|")
        for place, statuses, known_ms, unknown_ms, sixth, sixth_unknown in rows:
            after = place.attempt(place.known, place.right)
            pairs = ", ".join(f"{k} / {u}" for k, u in sorted(statuses))
            print(f"| {place.title} | {pairs} | {known_ms} / {unknown_ms} | {short(sixth)} | {sixth[3]:.0f} "
                  f"| {short(sixth_unknown)} | {short(after)} |")
        # a second lock right after the first ends is twice as long (the unknown name never succeeds,
        # which would start the count again)
        tokens = rows[0][0]
        again = [tokens.attempt(tokens.unknown, f"again-{i}")[0] for i in range(5)]
        second = tokens.attempt(tokens.unknown, "any")
        print(f"\nRight after the lock of the unknown name on `POST /v1/auth/tokens` ended, five more failures: {again}; "
              f"attempt 6 gets {short(second)} (the second lock in a row is twice as long).")
        sample = rows[0][4][2]
        print(f"\nThe 429 body of `POST /v1/auth/tokens`: `{sample}`")
        print(f"\nThe 429 body of `POST /oauth2/token`: `{rows[2][4][2]}`")
        print(f"\nThe 429 body of `POST /v2/apikey`: `{rows[3][4][2]}`")
    finally:
        server.terminate()
        server.wait()


def address_lock(data_dir):
    server = start(data_dir)
    try:
        tenant = str(uuid.uuid4())
        assert json_post("/v1/users", {"username": "heidi", "firstName": "H", "lastName": "L",
                                       "email": "heidi@example.com", "password": PASSWORD}, tenant)[0] == 201
        statuses = [json_post("/v1/auth/tokens", {"username": f"nobody-{i}", "password": "wrong"}, tenant)[0]
                    for i in range(20)]
        locked = json_post("/v1/auth/tokens", {"username": "heidi", "password": PASSWORD}, tenant)
        other = request("POST", "/oauth2/token", "grant_type=client_credentials",
                        {"Content-Type": "application/x-www-form-urlencoded", "Authorization": basic("x", "y")})
        time.sleep(int(locked[1]["Retry-After"]) + 1)
        after = json_post("/v1/auth/tokens", {"username": "heidi", "password": PASSWORD}, tenant)
        counts = {s: statuses.count(s) for s in sorted(set(statuses))}
        print(f"\nPer address, defaults: 20 failures for 20 different unknown names from 127.0.0.1: {counts}; "
              f"then another account's right password: {short(locked)}; an OAuth2 client from the same address: "
              f"{short(other)}; after Retry-After: {short(after)}.")
    finally:
        server.terminate()
        server.wait()


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    if not os.path.exists("target/petstore.jar"):
        sys.exit("build first: ./mvnw -DskipTests package")
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        account_locks(first)
        address_lock(second)


if __name__ == "__main__":
    main()
