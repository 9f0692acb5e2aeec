"""postfix-mta-sts-resolver's resolver (the library behind mta-sts-query) on the lab: one JSON line per domain.

Usage: mta_sts.py DNS_HOST DNS_PORT HTTPS_PORT CA_FILE DOMAIN...
Its DNS (aiodns, which reads /etc/resolv.conf) is replaced by dnspython asking only DNS_HOST:DNS_PORT, and its
HTTPS client connects every name to 127.0.0.1:HTTPS_PORT with the lab's root as the only trust anchor; SNI, Host and
certificate checks stay those of the real name, so its verdict is its own.
"""
import asyncio
import json
import socket
import ssl
import sys

import aiohttp
import dns.asyncresolver
import dns.resolver

from postfix_mta_sts_resolver import resolver as sts

dns_host, dns_port, https_port, ca_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]


class LabDns:
    """The one method STSResolver uses: query(name, 'TXT') -> records with .text."""

    def __init__(self, *args, **kwargs):
        self._r = dns.asyncresolver.Resolver(configure=False)
        self._r.nameservers = [dns_host]
        self._r.port = dns_port
        self._r.lifetime = 5

    async def query(self, name, rdtype):
        class Txt:
            def __init__(self, text):
                self.text = text

        try:
            answer = await self._r.resolve(name, rdtype)
        except dns.resolver.NXDOMAIN:
            raise sts.aiodns.error.DNSError(sts.aiodns.error.ARES_ENOTFOUND, "NXDOMAIN")
        except dns.resolver.NoAnswer:
            raise sts.aiodns.error.DNSError(sts.aiodns.error.ARES_ENODATA, "NODATA")
        return [Txt(b"".join(r.strings).decode()) for r in answer]


class LabHosts(aiohttp.abc.AbstractResolver):
    async def resolve(self, host, port=0, family=socket.AF_INET):
        return [{"hostname": host, "host": "127.0.0.1", "port": https_port, "family": socket.AF_INET, "proto": 0, "flags": socket.AI_NUMERICHOST}]

    async def close(self):
        pass


_Session = aiohttp.ClientSession


def lab_session(*args, **kwargs):
    context = ssl.create_default_context(cafile=ca_file)
    kwargs.pop("loop", None)
    return _Session(*args, connector=aiohttp.TCPConnector(resolver=LabHosts(), ssl=context), **kwargs)


sts.aiodns.DNSResolver = LabDns
sts.aiohttp.ClientSession = lab_session


async def main():
    r = sts.STSResolver(loop=asyncio.get_running_loop(), timeout=10)
    for domain in sys.argv[5:]:
        try:
            status, policy = await r.resolve(domain)
            out = {"domain": domain, "result": status.name, "policy": policy[1] if policy else None}
        except Exception as exc:
            out = {"domain": domain, "result": "crash", "error": str(exc)}
        print(json.dumps(out), flush=True)


asyncio.run(main())
