/**
 * What a shell remembers between runs, in `gfa-shell.json` in Electron's
 * userData directory: the chosen server, the pinned certificate authority,
 * the device token and a few settings written by the installer.
 * A missing or damaged file reads as "nothing remembered" (the shell then
 * enrols again) rather than stopping the appliance.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { normaliseFingerprint } from '../pinning/fingerprint.js';

export const STORE_FILE = 'gfa-shell.json';

export interface RememberedServer {
  /** The DNS-SD instance name: stable when DHCP changes the address. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface Pin {
  /** "AB:CD:…" SHA-256 fingerprint of the server's CA. */
  readonly fingerprint256: string;
  readonly caPem: string;
}

/** Settings the installer writes; the shells never change them. */
export interface ShellSettings {
  readonly startAtLogin?: boolean;
  /** Display: the monitor to fill, by Electron display id or by index. */
  readonly monitorId?: number;
  readonly monitorIndex?: number;
  /** Kiosk: SHA-256 (hex) of the administrator's exit code. */
  readonly exitCodeSha256?: string;
  /** Kiosk: reload after the page has been unresponsive this long. */
  readonly unresponsiveSeconds?: number;
}

export interface ShellState {
  readonly server?: RememberedServer;
  readonly pin?: Pin;
  readonly deviceToken?: string;
  readonly deviceName?: string;
  readonly settings: ShellSettings;
}

export const emptyState: ShellState = { settings: {} };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
const int = (value: unknown, min: number, max: number): number | undefined =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : undefined;

function parseServer(value: unknown): RememberedServer | undefined {
  if (!isObject(value)) return undefined;
  const name = str(value.name);
  const host = str(value.host);
  const port = int(value.port, 1, 65535);
  return name && host && port ? { name, host, port } : undefined;
}

function parsePin(value: unknown): Pin | undefined {
  if (!isObject(value)) return undefined;
  const fingerprint256 = normaliseFingerprint(str(value.fingerprint256) ?? '');
  const caPem = str(value.caPem);
  return fingerprint256 && caPem?.includes('BEGIN CERTIFICATE') ? { fingerprint256, caPem } : undefined;
}

function parseSettings(value: unknown): ShellSettings {
  if (!isObject(value)) return {};
  const exitHash = str(value.exitCodeSha256)?.toLowerCase();
  const settings: {
    -readonly [K in keyof ShellSettings]: ShellSettings[K];
  } = {};
  if (typeof value.startAtLogin === 'boolean') settings.startAtLogin = value.startAtLogin;
  const monitorId = int(value.monitorId, 0, Number.MAX_SAFE_INTEGER);
  if (monitorId !== undefined) settings.monitorId = monitorId;
  const monitorIndex = int(value.monitorIndex, 0, 64);
  if (monitorIndex !== undefined) settings.monitorIndex = monitorIndex;
  if (exitHash && /^[0-9a-f]{64}$/.test(exitHash)) settings.exitCodeSha256 = exitHash;
  const unresponsive = int(value.unresponsiveSeconds, 1, 3600);
  if (unresponsive !== undefined) settings.unresponsiveSeconds = unresponsive;
  return settings;
}

/** Validates untrusted JSON field by field: a bad field is dropped, not fatal. */
export function parseShellState(json: unknown): ShellState {
  if (!isObject(json)) return emptyState;
  const server = parseServer(json.server);
  const pin = parsePin(json.pin);
  const deviceToken = str(json.deviceToken);
  const deviceName = str(json.deviceName);
  return {
    ...(server && { server }),
    ...(pin && { pin }),
    ...(deviceToken && { deviceToken }),
    ...(deviceName && { deviceName }),
    settings: parseSettings(json.settings),
  };
}

export interface ShellStore {
  read(): Promise<ShellState>;
  write(state: ShellState): Promise<void>;
  update(change: (state: ShellState) => ShellState): Promise<ShellState>;
}

export function openShellStore(userDataDir: string): ShellStore {
  const file = join(userDataDir, STORE_FILE);
  let writes = 0;
  // Updates run one after another: two overlapping read-change-write cycles would lose a change.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (): Promise<ShellState> => {
    try {
      return parseShellState(JSON.parse(await readFile(file, 'utf8')));
    } catch {
      return emptyState;
    }
  };
  const write = async (state: ShellState): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    // Write then rename: a power cut never leaves half a file (the token would be lost).
    writes += 1;
    const temporary = `${file}.${process.pid}.${writes}.tmp`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
  };
  return {
    read: () => serial(read),
    write: (state) => serial(() => write(state)),
    update: (change) =>
      serial(async () => {
        const next = change(await read());
        await write(next);
        return next;
      }),
  };
}

/** After a 401 on the device session: the token was revoked, enrol again (the pin stays). */
export const forgetDevice = (state: ShellState): ShellState => ({
  ...(state.server && { server: state.server }),
  ...(state.pin && { pin: state.pin }),
  settings: state.settings,
});
