"""Publishes a GFA-like _gfa._tcp service with python-zeroconf, an mDNS
implementation independent of bonjour-service (run in a network namespace by
zeroconf-peer.test.ts). Commands on stdin: "update" (new TXT), "stop" (goodbye)."""
import socket
import sys

from zeroconf import IPVersion, ServiceInfo, Zeroconf

address = sys.argv[1]
zc = Zeroconf(interfaces=[address], ip_version=IPVersion.V4Only)


def info(fingerprint):
    return ServiceInfo(
        "_gfa._tcp.local.",
        "GFA zeroconf._gfa._tcp.local.",
        addresses=[socket.inet_aton(address)],
        port=9443,
        properties={"site": "CES Arcachon", "ver": "9.9.9", "v": "1", "fp": fingerprint},
        server="gfa-zeroconf.local.",
    )


service = info("AA:AA")
zc.register_service(service)
print("registered", flush=True)
for line in sys.stdin:
    command = line.strip()
    if command == "update":
        service = info("BB:BB")
        zc.update_service(service)
        print("updated", flush=True)
    elif command == "stop":
        zc.unregister_service(service)
        zc.close()
        print("stopped", flush=True)
        break
