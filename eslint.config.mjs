// Lint for the three layers. The layering rules are the point: shared/ is pure domain code
// that runs anywhere, renderer/ reaches Electron only through the bridge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const frameworkImports = ['vue', 'vue-router', 'pinia', 'dexie', 'electron'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web*/**', 'release/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'tests/bench/results/**'],
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
    // shared/ is the pure domain: no framework, no storage, no Electron, and nothing from the layers above it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: frameworkImports.map((name) => ({ name, message: 'shared/ is pure TypeScript: it must not import ' + name + '.' })),
        patterns: [
          { group: ['vue/*', 'pinia/*', 'dexie/*', 'electron/*'], message: 'shared/ is pure TypeScript: no framework imports.' },
          { group: ['**/renderer/**', '@renderer/*', '**/electron/**'], message: 'shared/ must not import from renderer/ or electron/.' },
        ],
      }],
    },
  },
  {
    // The renderer reaches the desktop only through window.careersDesk (renderer/src/bridge).
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'renderer/ must use the bridge (renderer/src/bridge), never electron.' }],
        patterns: [
          { group: ['electron/*'], message: 'renderer/ must use the bridge, never electron.' },
          { group: ['**/electron/**'], message: 'renderer/ must not import the main process code.' },
        ],
      }],
    },
  },
  {
    // The main process never reaches into the Vue app.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '@renderer/*'], message: 'electron/ must not import the renderer.' }],
      }],
    },
  },
);
