// Lint rules, including the layering rules of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-electron/**',
      'data/**',
      'test-artifacts/**',
      'server/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // shared/ runs in browsers and in Electron renderers: no Node, no Electron, no react-dom.
    // shared/shell/ is the exception: Node code of the Electron main processes (discovery, pinning).
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
            { group: ['react-dom', 'react-dom/*'], message: 'shared/ must not import react-dom.' },
            { group: ['@gfa/server', '@gfa/server/*'], message: 'shared/ must not depend on the server.' },
          ],
        },
      ],
    },
  },
  {
    // The queue engine is pure: no I/O, no clock, no storage, no transport.
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The domain engine does no I/O.' },
            {
              group: [
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                'fastify',
                'ws',
                '../db/*',
                '../http/*',
                '../ws/*',
              ],
              message: 'The domain engine knows nothing of storage or transport.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is an input of the engine (ctx.now).' },
        { object: 'Math', property: 'random', message: 'Ids come from ctx.newId().' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is an input of the engine.',
        },
      ],
    },
  },
  {
    // UI code (renderers) never touches Electron: only the preload bridge does.
    files: ['kiosk/src/**/*.{ts,tsx}', 'display/src/**/*.{ts,tsx}', 'workstation/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'UI code never imports electron; use the preload bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shells' policies are plain Node modules: Electron only behind their small interfaces.
    files: ['shared/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Shell policies take Electron through an interface.',
            },
            { group: ['@gfa/server', '@gfa/server/*'], message: 'Shells do not depend on the server.' },
          ],
        },
      ],
    },
  },
);
