import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS, type Product } from '../stage/stage-apps.js';
import {
  builderSchemaPath,
  loadBuilderConfig,
  readYaml,
  repoRoot,
  validateBuilderConfig,
} from './builder-support.js';

const products = Object.keys(PRODUCTS) as Product[];
const configPath = (product: Product): string => `installer/builder/${product}.yml`;

/**
 * Paths the configurations reference that only exist on the Windows runner, with what makes them.
 * Anything else a configuration names must be committed.
 */
const CI_PRODUCED: Record<string, string> = {
  'dist/stage/apps/server': 'installer/stage/main.ts server (bundles installer/server/launcher/main.ts)',
  'dist/stage/apps/kiosk': 'installer/stage/main.ts kiosk, after npm run build:shells (kiosk/dist-electron)',
  'dist/stage/apps/display':
    'installer/stage/main.ts display, after npm run build:shells (display/dist-electron)',
  'dist/stage/apps/workstation':
    'installer/stage/main.ts workstation, after npm run build:shells (workstation/dist-electron)',
  'dist/stage/server-runtime/app': 'installer/stage/main.ts server, after npm run build:ui',
  'dist/stage/server-runtime/app/node_modules': 'installer/stage/main.ts server (runtime packages)',
  'dist/stage/server-bin/node.exe': 'downloaded from nodejs.org by the workflow (SHASUMS256 checked)',
  'dist/stage/server-bin/gfa-service.exe': 'WinSW-x64.exe downloaded by the workflow',
};

const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

/** Every file or folder a configuration points at (relative to the repository root). */
function referencedPaths(config: Configuration): string[] {
  const paths: (string | null | undefined)[] = [
    config.directories?.app,
    config.win?.icon,
    config.nsis?.include,
    config.nsis?.license,
    config.nsis?.installerIcon,
    config.nsis?.uninstallerIcon,
  ];
  const resources = (config.extraResources ?? []) as { from?: string }[];
  for (const resource of resources) paths.push(resource.from);
  return paths.filter((path): path is string => typeof path === 'string');
}

const configs = new Map<Product, Configuration>();
beforeAll(async () => {
  for (const product of products) configs.set(product, await loadBuilderConfig(configPath(product)));
});
const configOf = (product: Product): Configuration => configs.get(product) as Configuration;

describe('electron-builder configuration', () => {
  it('is validated with electron-builder’s own JSON schema', () => {
    expect(existsSync(builderSchemaPath())).toBe(true);
  });

  it('the shared base is valid on its own', async () => {
    await expect(
      validateBuilderConfig(readYaml('electron-builder.yml') as Configuration),
    ).resolves.toBeUndefined();
  });

  for (const product of products) {
    it(`${product}: the effective configuration (base + ${configPath(product)}) is valid`, async () => {
      expect(readYaml(configPath(product))).toMatchObject({ extends: 'electron-builder.yml' });
      await expect(validateBuilderConfig(configOf(product))).resolves.toBeUndefined();
    });
  }

  it('the validator rejects a misspelt option (it is not a no-op)', async () => {
    const broken = { ...configOf('kiosk'), nsis: { ...configOf('kiosk').nsis, perMachin: true } };
    await expect(validateBuilderConfig(broken as Configuration)).rejects.toThrow(/configuration\.nsis/);
  });

  for (const product of products) {
    it(`${product}: per-machine assisted NSIS installer in French that keeps the data`, () => {
      const config = configOf(product);
      expect(config.productName).toBe(PRODUCTS[product].productName);
      expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
      expect(config.nsis).toMatchObject({
        oneClick: false,
        perMachine: true,
        deleteAppDataOnUninstall: false,
        installerLanguages: ['fr_FR'],
        language: '1036',
        unicode: true,
      });
      expect(config.electronFuses).toEqual(EXPECTED_FUSES);
      expect(config.asar).toBe(true);
      expect(config.directories?.app).toBe(`dist/stage/apps/${product}`);
      expect(config.nsis?.artifactName).toMatch(/^[A-Za-z-]+-Setup-\$\{version\}\.\$\{ext\}$/);
    });
  }

  it('the four products do not collide (ids, executables, installers, output folders)', () => {
    for (const key of ['appId', 'executableName'] as const) {
      expect(new Set(products.map((p) => configOf(p)[key])).size).toBe(products.length);
    }
    expect(new Set(products.map((p) => configOf(p).nsis?.artifactName)).size).toBe(products.length);
    expect(new Set(products.map((p) => configOf(p).directories?.output)).size).toBe(products.length);
    for (const product of products) expect(configOf(product).executableName).toMatch(/^gfa-[a-z]+$/);
  });

  it('the server ships node.exe, the service wrapper and its XML, the gfa command and the staged server', () => {
    const config = configOf('server');
    expect(config.nsis?.include).toBe('installer/nsis/server.nsh');
    const targets = (config.extraResources as { from: string; to: string }[]).map((r) => [r.from, r.to]);
    expect(targets).toEqual(
      expect.arrayContaining([
        ['dist/stage/server-runtime/app', 'server/app'],
        ['dist/stage/server-runtime/app/node_modules', 'server/app/node_modules'],
        ['dist/stage/server-bin/node.exe', 'server/node.exe'],
        ['dist/stage/server-bin/gfa-service.exe', 'server/gfa-service.exe'],
        ['installer/server/gfa-service.xml', 'server/gfa-service.xml'],
        ['installer/server/gfa.cmd', 'server/gfa.cmd'],
      ]),
    );
  });

  it('the shells carry no extra resources and open their mDNS port through shell.nsh', () => {
    for (const product of ['kiosk', 'display', 'workstation'] as const) {
      expect(configOf(product).nsis?.include).toBe('installer/nsis/shell.nsh');
      expect(configOf(product).extraResources ?? []).toEqual([]);
    }
  });

  it('every referenced file exists in the repository, except the listed CI outputs', () => {
    const referenced = new Set(products.flatMap((product) => referencedPaths(configOf(product))));
    for (const path of referenced) {
      if (path in CI_PRODUCED) {
        expect(path.startsWith('dist/'), `${path} is produced in CI under the ignored dist/`).toBe(true);
      } else {
        expect(existsSync(join(repoRoot, path)), `${path} is referenced but missing`).toBe(true);
      }
    }
    // The list stays exact: each CI output is used by a configuration.
    for (const path of Object.keys(CI_PRODUCED)) expect(referenced.has(path), path).toBe(true);
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
  });

  it('the icons and the licence are the committed ones, in the formats NSIS reads', () => {
    for (const product of products) {
      const icon = readFileSync(join(repoRoot, configOf(product).win?.icon as string));
      expect([icon.readUInt16LE(0), icon.readUInt16LE(2)]).toEqual([0, 1]);
      expect(configOf(product).nsis?.installerIcon).toBe(configOf(product).win?.icon);
    }
    // NSIS shows a .txt licence as UTF-8 only with a byte order mark.
    const licence = readFileSync(join(repoRoot, configOf('server').nsis?.license as string));
    expect([...licence.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(licence.toString('utf8')).toContain('%ProgramData%\\GFA');
  });
});
