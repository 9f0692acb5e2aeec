"""pyspf (python3-spf) on the lab: one JSON line per domain.

Usage: pyspf.py HOST PORT IP DOMAIN...
dnspython's default resolver is replaced by one that knows only HOST:PORT (configure=False: /etc/resolv.conf,
which points off-box, is never read), so pyspf asks the lab and nothing else.
"""
import json
import sys

import dns.resolver

host, port, ip = sys.argv[1], int(sys.argv[2]), sys.argv[3]
resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = [host]
resolver.port = port
resolver.lifetime = 5
dns.resolver.default_resolver = resolver

import spf  # noqa: E402  (after the resolver swap, so nothing else is configured)

for domain in sys.argv[4:]:
    try:
        result, explanation = spf.check2(i=ip, s="postmaster@" + domain, h=domain)
    except Exception as exc:  # a crash is a peer verdict too: report it, do not hide it
        result, explanation = "crash", str(exc)
    print(json.dumps({"domain": domain, "result": result, "explanation": explanation}), flush=True)
