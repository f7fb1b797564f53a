import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Architecture rule 1: imports flow one way, `lib`, `components`, `api` → `features` → `app`, and features do not
// import each other (a route composes them). Rule 2: only src/api/ imports ky. Tests may import what they set up.
const KY = { name: 'ky', message: 'Only src/api/ imports ky.' };
const UP_FROM_BASE = {
  group: ['**/features/**', '**/app/**'],
  message: 'lib, components and api are below features and app: they do not import them.',
};
const UP_FROM_FEATURE = {
  group: ['**/app/**'],
  message: 'A feature does not import app/: app composes features.',
};
const SIBLING_FEATURE = {
  group: ['../*/**', '!../../**'],
  message: 'Features do not import each other; a route in app/ composes them, shared code lives in lib/.',
};

export default defineConfig(
  { ignores: ['dist', 'dist.*', 'node_modules', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // Architecture rule 1 again: no module reaches itself through others (a cycle hides which one is lower).
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'emulator/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [KY], patterns: [] }],
    },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [KY], patterns: [UP_FROM_BASE] }] },
  },
  {
    files: ['src/api/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [], patterns: [UP_FROM_BASE] }] },
  },
  {
    files: ['src/api/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [KY], patterns: [UP_FROM_FEATURE, SIBLING_FEATURE] }],
    },
  },
  {
    files: ['server/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/app/**',
                '**/src/features/**',
                '**/src/components/**',
                '**/src/api/**',
                '**/src/main*',
              ],
              message: 'The server and emulator never import UI code; shared pure modules live in src/lib.',
            },
          ],
        },
      ],
    },
  },
);
