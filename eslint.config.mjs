// Lint for the three layers. The layering rules are the point: shared/ is pure domain code
// that runs anywhere, renderer/ reaches Electron only through the bridge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const frameworkImports = ['vue', 'vue-router', 'pinia', 'dexie', 'electron'];

/** The renderer reaches the desktop only through window.careersDesk (renderer/src/bridge), never electron. */
const desktop = {
  paths: [{ name: 'electron', message: 'renderer/ must use the bridge (renderer/src/bridge), never electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'renderer/ must use the bridge, never electron.' },
    { group: ['**/electron/**'], message: 'renderer/ must not import the main process code.' },
  ],
};

/** IndexedDB is reached only through renderer/src/db (the repositories). */
const storage = {
  paths: [{ name: 'dexie', message: 'Only renderer/src/db/ touches IndexedDB: use the repositories (useRepositories()).' }],
  patterns: [
    { group: ['dexie/*'], message: 'Only renderer/src/db/ touches IndexedDB.' },
    {
      regex: '(^|/)db/(database|schema|connection)$',
      message: 'Only renderer/src/db/ holds the database: use the repositories (useRepositories()).',
    },
  ],
};

/** Imports of the named renderer folders (relative or through @renderer/), refused with the message. */
function layer(message, folders) {
  const names = folders.join('|');
  return { paths: [], patterns: [{ regex: `^(\\.\\./)+(${names})(/|$)|^@renderer/(${names})(/|$)`, message }] };
}

/** A feature imports another only through its index.ts, or its lazy.ts (in the spirit of VS Code's code-import-patterns). */
const featureSurface = {
  paths: [],
  patterns: [
    {
      regex: [
        '^\\.\\./(?!\\.\\.)[^/]+/(?!(index|lazy)$).+',
        '^(\\.\\./)+features/[^/]+/(?!(index|lazy)$).+',
        '^@renderer/features/[^/]+/(?!(index|lazy)$).+',
      ].join('|'),
      message: 'Import another feature through its index.ts (../<feature>), or its lazy.ts (what it loads when first used).',
    },
  ],
};

/**
 * The shell imports a feature's code through its index.ts. It may name a feature's view (.vue) directly,
 * as the router does, so a view that the start-up needs does not bring the rest of its feature's surface.
 */
const appFeatureSurface = {
  paths: [],
  patterns: [
    {
      regex: '^(\\.\\./|\\./|@renderer/)features/[^/]+/(?!index$)(?!.*\\.vue$).+',
      message: 'The app shell imports a feature through its index.ts (or one of its views).',
    },
  ],
};

function rendererImports(...rules) {
  const all = [desktop, ...rules];
  return ['error', { paths: all.flatMap((r) => r.paths), patterns: all.flatMap((r) => r.patterns) }];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'dist-web*/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      'tests/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // Type-aware rules: a promise is awaited, returned or explicitly voided, never dropped or passed
    // where a plain function is expected (an event handler, a forEach callback).
    files: ['**/*.ts', '**/*.mts', '**/*.vue'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // A `!` tells the type checker a value is there without showing why. Narrow, guard or default instead;
    // where it is provably there (an index inside the array's own bounds), say why beside the exception.
    // Tests may assert what they have just built.
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue', 'electron/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // shared/ is the pure domain: no framework, no storage, no Electron, and nothing from the layers above it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: frameworkImports.map((name) => ({ name, message: 'shared/ is pure TypeScript: it must not import ' + name + '.' })),
          patterns: [
            { group: ['vue/*', 'pinia/*', 'dexie/*', 'electron/*'], message: 'shared/ is pure TypeScript: no framework imports.' },
            { group: ['**/renderer/**', '@renderer/*', '**/electron/**'], message: 'shared/ must not import from renderer/ or electron/.' },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's (npm run format); these turn off the stylistic rules that would fight it.
  prettier,
  {
    // Prettier cannot break a long string or comment: this keeps every line readable side by side.
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.vue'],
    rules: { 'max-len': ['error', { code: 140, tabWidth: 2 }] },
  },
  // The renderer's own layers, each importing only from the ones below it (README, Layout):
  //   app (the shell) > features > db > platform; ui is usable by features and app; shared is below all.
  // One rule per folder, because a later no-restricted-imports setting replaces an earlier one for a file.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: { 'no-restricted-imports': rendererImports() },
  },
  {
    // Only db/ touches IndexedDB (its live queries included). Worker entry points open their own
    // connection, and worker jobs run on the page with the app's database.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.vue'],
    ignores: [
      'renderer/src/db/**',
      'renderer/src/**/*.worker.ts',
      'renderer/src/**/*-job.ts',
      'renderer/src/features/returns/build-return.ts',
    ],
    rules: { 'no-restricted-imports': rendererImports(storage) },
  },
  {
    files: ['renderer/src/platform/**'],
    rules: {
      'no-restricted-imports': rendererImports(
        storage,
        layer('platform/ is the bottom layer: it imports only shared/ and libraries.', ['app', 'features', 'db', 'ui', 'bridge']),
      ),
    },
  },
  {
    files: ['renderer/src/db/**'],
    rules: {
      'no-restricted-imports': rendererImports(layer('db/ imports only platform/ and shared/.', ['app', 'features', 'ui', 'bridge'])),
    },
  },
  {
    files: ['renderer/src/features/**/*.ts', 'renderer/src/features/**/*.vue'],
    ignores: ['renderer/src/**/*.worker.ts', 'renderer/src/**/*-job.ts', 'renderer/src/features/returns/build-return.ts'],
    rules: { 'no-restricted-imports': rendererImports(storage, layer('features/ are below the app shell.', ['app']), featureSurface) },
  },
  {
    files: ['renderer/src/**/*.worker.ts', 'renderer/src/**/*-job.ts', 'renderer/src/features/returns/build-return.ts'],
    rules: { 'no-restricted-imports': rendererImports(layer('features/ are below the app shell.', ['app']), featureSurface) },
  },
  {
    // The shared component set and the bridge sit beside platform/: usable from above, importing nothing above.
    files: ['renderer/src/ui/**', 'renderer/src/bridge/**'],
    rules: {
      'no-restricted-imports': rendererImports(
        storage,
        layer('ui/ and bridge/ import only platform/, shared/ and libraries.', ['app', 'features', 'db']),
      ),
    },
  },
  {
    files: ['renderer/src/app/**', 'renderer/src/main.ts'],
    rules: { 'no-restricted-imports': rendererImports(storage, appFeatureSurface) },
  },
  {
    // The main process never reaches into the Vue app.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**', '@renderer/*'], message: 'electron/ must not import the renderer.' }],
        },
      ],
    },
  },
);
