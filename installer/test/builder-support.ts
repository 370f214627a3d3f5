/**
 * electron-builder's own configuration loader and validator, and the YAML parser it uses, taken
 * from the electron-builder installed in the repository (no second YAML or JSON-schema library).
 */
import type * as BuilderConfig from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'electron-builder';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));

const config = fromLib('app-builder-lib/out/util/config/config.js') as typeof BuilderConfig;
const yaml = fromLib('js-yaml') as { load: (text: string) => unknown };

export const parseYaml = (text: string): unknown => yaml.load(text);
export const readYaml = (path: string): unknown => yaml.load(readFileSync(join(repoRoot, path), 'utf8'));

/** The effective configuration electron-builder builds with `--config <path>` (extends merged). */
export const loadBuilderConfig = (path: string): Promise<Configuration> =>
  config.getConfig(repoRoot, path, null);

const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof BuilderConfig.validateConfiguration
>[1];

/** electron-builder's validation: app-builder-lib/scheme.json through its own ajv, and its extra rules. */
export const validateBuilderConfig = (configuration: Configuration): Promise<void> =>
  config.validateConfiguration(configuration, quietLogger);

/** The JSON schema electron-builder validates against. */
export const builderSchemaPath = (): string => fromLib.resolve('app-builder-lib/scheme.json');
