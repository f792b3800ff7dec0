"""Network helpers shared by ``kg serve`` and ``kg push``.

>>> [is_loopback(h) for h in ("localhost", "127.0.0.1", "::1", "db.localhost", "0.0.0.0", "example.org")]
[True, True, True, True, False, False]
"""

from __future__ import annotations

import ipaddress

__all__ = ["is_loopback"]


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
