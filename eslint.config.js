import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { contentScriptFiles } from './scripts/content-script-graph.js';

const root = import.meta.dirname;
// The in-page UI: the plain-DOM components beside the content script (not popup/ or options/).
const inPageUi = readdirSync(`${root}/components`).filter((f) => f.endsWith('.ts'));
const contentScript = contentScriptFiles(root, [
  'entrypoints/content/index.ts',
  ...inPageUi.map((f) => `components/${f}`),
]);

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/', 'public/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // `void promise` marks a promise left to run on purpose (listeners, fire-and-forget).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The content script is compiled on every forum page: heavy libraries stay out of it and
    // out of everything it imports (type-only imports cost nothing and are allowed).
    files: contentScript,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'react', 'react-dom', 'react-dom/client', 'dexie', 'dexie-react-hooks'].map((name) => ({
            name,
            message: 'Not in the content script: it must stay small. Do this in the background, popup or options page.',
            allowTypeImports: true,
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
