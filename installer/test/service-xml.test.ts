import type { Configuration } from 'electron-builder';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, repoRoot } from './builder-support.js';
import { defaultServePort, gfaHelp } from './gfa-cli.js';
import { SERVER_NODE_FLAGS } from '../../server/bin/server-bundle.mjs';

const XML = 'installer/server/gfa-service.xml';

interface ServiceXml {
  root: string;
  text: Record<string, string>;
  onfailure: Record<string, string>[];
  log: { mode: string; sizeThreshold: string; keepFiles: string };
  account: Record<string, string>;
  env: Record<string, string>[];
}

/**
 * Python's expat parser (an independent, strict XML 1.0 parser) reads the file: a malformed file
 * makes it fail, and it reports the elements WinSW uses.
 */
const READ_XML = `
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
log = root.find('log')
print(json.dumps({
  'root': root.tag,
  'text': {c.tag: (c.text or '').strip() for c in root if len(c) == 0 and c.tag not in ('onfailure', 'env', 'log')},
  'onfailure': [c.attrib for c in root.findall('onfailure')],
  'log': {'mode': log.get('mode'), 'sizeThreshold': log.findtext('sizeThreshold'), 'keepFiles': log.findtext('keepFiles')},
  'account': {c.tag: c.text for c in root.find('serviceaccount')},
  'env': [c.attrib for c in root.findall('env')],
}))
`;

/** Splits a WinSW <arguments> line like Windows does for quoted arguments. */
function splitArguments(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

let xml: ServiceXml;
let server: Configuration;
beforeAll(async () => {
  const { stdout } = await promisify(execFile)('python3', ['-c', READ_XML, join(repoRoot, XML)]);
  xml = JSON.parse(stdout) as ServiceXml;
  server = await loadBuilderConfig('installer/builder/server.yml');
});

describe('WinSW service definition', () => {
  it('is well-formed XML that a strict parser rejects when broken', async () => {
    expect(xml.root).toBe('service');
    const broken = join(mkdtempSync(join(tmpdir(), 'gfa-xml-')), 'broken.xml');
    writeFileSync(broken, '<service><id>gfa</service>');
    await expect(promisify(execFile)('python3', ['-c', READ_XML, broken])).rejects.toThrow(/mismatched tag/);
  });

  it('names the GFA service and starts it with the box, restarting it on failure', () => {
    expect(xml.text.id).toBe('gfa');
    expect(xml.text.name).toBe("GFA – Serveur de files d'attente");
    expect(xml.text.startmode).toBe('Automatic');
    expect(xml.onfailure.length).toBeGreaterThan(0);
    for (const action of xml.onfailure) expect(action.action).toBe('restart');
    expect(xml.text.resetfailure).toBe('1 hour');
    expect(xml.account).toEqual({ domain: 'NT AUTHORITY', user: 'LocalService' });
  });

  it('rotates its logs under %ProgramData%\\GFA\\logs', () => {
    expect(xml.text.logpath).toBe('%ProgramData%\\GFA\\logs');
    expect(xml.log).toEqual({ mode: 'roll-by-size', sizeThreshold: '10240', keepFiles: '8' });
  });

  it('runs node.exe, with the production node flags, on server/bin/gfa.mjs serve --host 0.0.0.0 --data-dir %ProgramData%\\GFA', () => {
    expect(xml.text.executable).toBe('%BASE%\\node.exe');
    expect(splitArguments(xml.text.arguments as string)).toEqual([
      ...SERVER_NODE_FLAGS,
      '%BASE%\\app\\server\\bin\\gfa.mjs',
      'serve',
      '--host',
      '0.0.0.0',
      '--data-dir',
      '%ProgramData%\\GFA',
    ]);
    expect(xml.text.workingdirectory).toBe('%ProgramData%\\GFA');
  });

  it('uses only options the real gfa serve accepts, on its default port', async () => {
    const help = await gfaHelp('serve');
    const args = splitArguments(xml.text.arguments as string);
    const gfaArgs = args.slice(args.indexOf('%BASE%\\app\\server\\bin\\gfa.mjs') + 1);
    for (const option of gfaArgs.filter((a) => a.startsWith('--'))) {
      expect(help).toContain(`${option} <`);
    }
    expect(xml.text.arguments).not.toContain('--port');
    expect(xml.text.description).toContain(`port ${await defaultServePort()}`);
  });

  it('sits beside node.exe and its wrapper (same name) in the installed server folder', () => {
    const resources = server.extraResources as { from: string; to: string }[];
    const to = (from: string): string => resources.find((r) => r.from === from)?.to as string;
    const xmlTarget = to(XML);
    const wrapper = to('dist/stage/server-bin/gfa-service.exe');
    expect(dirname(wrapper)).toBe(dirname(xmlTarget));
    expect(basename(wrapper, '.exe')).toBe(basename(xmlTarget, '.xml'));
    expect(to('dist/stage/server-bin/node.exe')).toBe(join(dirname(xmlTarget), 'node.exe'));
    // %BASE%\app\server\bin\gfa.mjs: the staged app folder, whose server/bin/gfa.mjs is the repository's.
    expect(to('dist/stage/server-runtime/app')).toBe(join(dirname(xmlTarget), 'app'));
    expect(existsSync(join(repoRoot, 'server', 'bin', 'gfa.mjs'))).toBe(true);
  });
});
