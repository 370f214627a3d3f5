import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './builder-support.js';
import { defaultServePort, gfaHelp } from './gfa-cli.js';

const serverNsh = readFileSync(join(repoRoot, 'installer/nsis/server.nsh'), 'utf8');
const shellNsh = readFileSync(join(repoRoot, 'installer/nsis/shell.nsh'), 'utf8');
const launcher = readFileSync(join(repoRoot, 'installer/server/launcher/main.ts'), 'utf8');

/** The body of `!macro <name>` … `!macroend`. */
function macro(source: string, name: string): string {
  const match = new RegExp(`^!macro ${name}\\b([\\s\\S]*?)^!macroend`, 'm').exec(source);
  if (!match) throw new Error(`macro ${name} absente`);
  return match[1] as string;
}
const define = (name: string): string =>
  new RegExp(`^!define ${name} "([^"]*)"`, 'm').exec(serverNsh)?.[1] ?? '';
/** Code lines only: NSIS comments start with ';'. */
const code = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith(';'))
    .join('\n');

describe('server NSIS script', () => {
  it('opens the port gfa serve listens on by default, and the launcher opens the same one', async () => {
    const port = await defaultServePort();
    expect(define('GFA_PORT')).toBe(String(port));
    expect(define('GFA_MDNS_PORT')).toBe('5353');
    expect(launcher).toContain(`https://localhost:${port}/`);
  });

  it('on install: stops the service, backs up, migrates, then registers and starts the service', () => {
    const install = code(macro(serverNsh, 'customInstall'));
    const steps = [
      'gfaStopService',
      'gfaRun "backup"',
      'gfaRun "migrate"',
      'gfa-service.exe" install',
      'gfa-service.exe" start',
    ];
    const positions = steps.map((step) => install.indexOf(step));
    for (const [index, position] of positions.entries()) expect(position, steps[index]).toBeGreaterThan(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A failed backup copy or migration never reaches the service start.
    expect(install.match(/Goto gfa_install_done/g)?.length).toBe(2);
    expect(code(macro(serverNsh, 'customInit'))).toContain('gfaStopService');
  });

  it('uses gfa commands and options that exist', async () => {
    expect(code(macro(serverNsh, 'gfaRun'))).toContain('--data-dir "$gfaData"');
    for (const command of ['backup', 'migrate']) expect(await gfaHelp(command)).toContain('--data-dir <dir>');
  });

  it('opens TCP 8443 and UDP 5353 for node.exe on private and domain networks only', () => {
    const rules = code(macro(serverNsh, 'customInstall'))
      .split('\n')
      .filter((line) => line.includes('firewall add rule'));
    expect(rules).toHaveLength(2);
    expect(rules[0]).toContain('protocol=TCP localport=${GFA_PORT}');
    expect(rules[1]).toContain('protocol=UDP localport=${GFA_MDNS_PORT}');
    for (const rule of rules) {
      expect(rule).toContain('dir=in action=allow');
      expect(rule).toContain('program="$INSTDIR\\resources\\server\\node.exe"');
      expect(rule).toContain('profile=private,domain');
    }
  });

  it('restricts the data folder with well-known SIDs (Administrators, SYSTEM, LocalService)', () => {
    const icacls = code(macro(serverNsh, 'customInstall'))
      .split('\n')
      .find((line) => line.includes('icacls.exe'));
    expect(icacls).toContain('/inheritance:r');
    expect(icacls).toContain('*S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-19:(OI)(CI)M');
  });

  it('on uninstall: removes the service and the rules, never the data; on update: only stops', () => {
    const uninstall = code(macro(serverNsh, 'customUnInstall'));
    const [beforeCheck, removal] = uninstall.split('${IfNot} ${isUpdated}');
    expect(beforeCheck).toContain('gfaStopService');
    expect(removal).toContain('gfa-service.exe" uninstall');
    expect(removal).toContain('firewall delete rule name="${GFA_RULE_HTTPS}"');
    expect(removal).toContain('firewall delete rule name="${GFA_RULE_MDNS}"');
    expect(code(serverNsh)).not.toMatch(/RMDir|Delete\s/);
  });
});

describe('shell NSIS script', () => {
  it('opens UDP 5353 for the shell executable only, and removes it on uninstall', () => {
    const add = code(macro(shellNsh, 'customInstall'));
    expect(add).toContain('protocol=UDP localport=5353 program="$INSTDIR\\${APP_EXECUTABLE_FILENAME}"');
    expect(add).toContain('profile=private,domain');
    expect(code(macro(shellNsh, 'customUnInstall'))).toMatch(/\$\{IfNot\} \$\{isUpdated\}[\s\S]*delete rule/);
    expect(code(shellNsh)).not.toMatch(/RMDir|Delete\s/);
  });
});

const makensis = (() => {
  try {
    execFileSync('makensis', ['-VERSION'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * A minimal installer around an include, with what electron-builder's template provides it:
 * LogicLib, VERSION, APP_EXECUTABLE_FILENAME and the ${isUpdated} test (stubbed on a register:
 * the real one reads --updated from the command line).
 */
function harness(include: string, out: string): string {
  return `Unicode true
Name "GFA"
OutFile "${out}"
RequestExecutionLevel admin
InstallDir "$PROGRAMFILES64\\GFA"
!include LogicLib.nsh
!define VERSION "0.1.0"
!define PRODUCT_FILENAME "gfa-test"
!define APP_EXECUTABLE_FILENAME "\${PRODUCT_FILENAME}.exe"
!macro _isUpdated _a _b _t _f
  StrCmp "$R8" "updated" \`\${_t}\` \`\${_f}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
!include "${include}"
Function .onInit
  !ifmacrodef customInit
    !insertmacro customInit
  !endif
FunctionEnd
Section "install"
  SetOutPath $INSTDIR
  !insertmacro customInstall
  WriteUninstaller "$INSTDIR\\uninstall.exe"
SectionEnd
Section "un.Uninstall"
  !insertmacro customUnInstall
SectionEnd
`;
}

describe.skipIf(!makensis)(
  'NSIS compilation (makensis, warnings as errors, as electron-builder runs it)',
  () => {
    for (const script of ['server.nsh', 'shell.nsh']) {
      it(`${script} compiles into an installer and its uninstaller`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'gfa-nsis-'));
        const nsi = join(dir, 'harness.nsi');
        writeFileSync(nsi, harness(join(repoRoot, 'installer', 'nsis', script), join(dir, 'harness.exe')));
        const { stdout } = await promisify(execFile)('makensis', [
          '-V2',
          '-WX',
          '-INPUTCHARSET',
          'UTF8',
          nsi,
        ]);
        expect(stdout).not.toMatch(/warning/i);
        expect(readFileSync(join(dir, 'harness.exe')).subarray(0, 2).toString('ascii')).toBe('MZ');
      }, 60_000);
    }
  },
);
