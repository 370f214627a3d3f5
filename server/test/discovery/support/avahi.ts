/**
 * avahi-daemon inside a network namespace, as an independent mDNS peer.
 * avahi-browse talks to the daemon over D-Bus, so the namespace gets its own
 * bus (the machine's system bus, if any, is left alone) and a private /run
 * for the daemon's pid file (`ip netns exec` already runs in its own mount
 * namespace, so the tmpfs is seen by nobody else). Both daemons run inside
 * the namespace: removing the namespace kills them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetnsHost } from './netns.js';

export interface Avahi {
  /** `avahi-browse -rtp <type>` in the namespace, through its own bus. */
  browse(type: string): string;
  cleanup(): void;
}

export function startAvahi(host: NetnsHost): Avahi {
  const dir = mkdtempSync(join(tmpdir(), 'gfa-avahi-'));
  const bus = `unix:path=${dir}/bus`;
  writeFileSync(
    join(dir, 'bus.conf'),
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>${bus}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/>
<allow receive_sender="*"/></policy></busconfig>\n`,
  );
  writeFileSync(
    join(dir, 'avahi.conf'),
    `[server]\nhost-name=gfa-peer\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=${host.dev}\n` +
      `enable-dbus=yes\n[publish]\npublish-addresses=no\npublish-hinfo=no\npublish-workstation=no\n`,
  );
  host.run(
    'sh',
    [
      '-ec',
      `dbus-daemon --config-file=${dir}/bus.conf --fork
     mount -t tmpfs gfa-avahi /run
     mkdir -p /run/avahi-daemon
     avahi-daemon -f ${dir}/avahi.conf --no-drop-root --no-chroot -D`,
    ],
    { DBUS_SYSTEM_BUS_ADDRESS: bus },
  );
  return {
    browse: (type) => host.run('avahi-browse', ['-rtp', type], { DBUS_SYSTEM_BUS_ADDRESS: bus }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
