import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../stage/stage-apps.js';
import { loadBuilderConfig, readYaml, repoRoot } from './builder-support.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { product: string[] } };
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: { build: Job; release: Job };
}

const workflow = readYaml('.github/workflows/windows-installers.yml') as Workflow;
const build = workflow.jobs.build;
const runs = build.steps.map((step) => step.run ?? '');
/** Index of the first step whose command contains `text` (-1 when none). */
const stepIndex = (text: string): number => runs.findIndex((run) => run.includes(text));

describe('Windows installers workflow', () => {
  it('builds on a Windows runner with Node 20, on a v* tag or on demand', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(build['runs-on']).toBe('windows-latest');
    const node = build.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(20);
  });

  it('runs the four builds, one per electron-builder configuration', () => {
    expect(build.strategy?.matrix.product).toEqual(Object.keys(PRODUCTS));
    for (const product of build.strategy?.matrix.product ?? []) {
      expect(existsSync(join(repoRoot, 'installer', 'builder', `${product}.yml`))).toBe(true);
    }
    const builder = runs[stepIndex('electron-builder')] as string;
    expect(builder).toContain(
      'npx electron-builder --win nsis --x64 --publish never --config installer/builder/${{ matrix.product }}.yml',
    );
  });

  it('prepares everything before packaging: npm ci, screens, shells, staging, node.exe, WinSW', () => {
    const order = [
      'npm ci',
      'npm run build:ui',
      'npm run build:shells',
      'npx tsx installer/stage/main.ts ${{ matrix.product }}',
      'win-x64/node.exe',
      'gfa-service.exe',
      'electron-builder',
    ].map(stepIndex);
    for (const index of order) expect(index).toBeGreaterThan(-1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('downloads node.exe of the Node that ran npm ci and checks it against SHASUMS256', () => {
    const download = runs[stepIndex('win-x64/node.exe')] as string;
    expect(download).toContain('node -p "process.version"');
    expect(download).toContain('https://nodejs.org/dist/$version/win-x64/node.exe');
    expect(download).toContain('SHASUMS256.txt');
    expect(download).toContain('dist/stage/server-bin/node.exe');
    expect(download).toMatch(/throw/);
    expect(runs[stepIndex('gfa-service.exe')]).toContain('dist/stage/server-bin/gfa-service.exe');
  });

  it('uploads each installer from the output folder its configuration writes to', async () => {
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const path = String(upload?.with?.path);
    for (const product of Object.keys(PRODUCTS)) {
      const output = (await loadBuilderConfig(`installer/builder/${product}.yml`)).directories?.output;
      expect(path.replace('${{ matrix.product }}', product)).toBe(`${output}/*.exe`);
    }
  });

  it('publishes a GitHub release only for tags, after every build', () => {
    const release = workflow.jobs.release;
    expect(release.needs).toBe('build');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.steps.map((step) => step.run ?? '').join('\n')).toContain(
      'gh release create "$GITHUB_REF_NAME"',
    );
  });
});
