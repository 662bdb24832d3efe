"""Prints the JSON body a bench/*.lua script sets as wrk.body: its string literals joined (.. is
concatenation), os.getenv("X") or "default" replaced by the environment's value. Only for the
simple scripts that build one body (graphql_*.lua), so bench scripts can check it with curl first."""
import os
import re
import sys

source = open(sys.argv[1]).read()
env = {}
for name, var, default in re.findall(r'local (\w+) = os\.getenv\("(\w+)"\) or "([^"]*)"', source):
    env[name] = os.environ.get(var, default)
body = source.split("wrk.body =", 1)[1]
parts = re.findall(r"'([^']*)'|\b(\w+)\b", body)
out = []
for literal, name in parts:
    if literal or (not name):
        out.append(literal)
    elif name in env:
        out.append(env[name])
print("".join(out))
