// ESLint flat config. The import rules enforce STYLE.md's dependency direction:
// contract ← domain ← db/routes ← app; api/ never imports web/, data/ or tests/;
// web/ takes values only from api/contract (types from anywhere in api/ with `import type`).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

const outsideApi = [
  { group: ['**/web', '**/web/**'], message: 'api/ must not import web/.' },
  {
    group: ['**/data', '**/data/**'],
    message: 'api/ must not import data/ (only api/server.ts may).',
  },
  { group: ['**/tests/**'], message: 'api/ must not import tests/.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.yiping/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['api/**/*.ts'], rules: restrict(outsideApi) },
  {
    files: ['api/server.ts'],
    rules: restrict(outsideApi.filter((p) => !p.group[0].includes('data'))),
  },
  {
    files: ['api/contract/**/*.ts'],
    rules: restrict([
      ...outsideApi,
      { group: ['../*', '!./*'], message: 'api/contract imports nothing but zod and itself.' },
      {
        group: ['pg', 'hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*'],
        message: 'api/contract imports nothing but zod.',
      },
    ]),
  },
  {
    files: ['api/domain/**/*.ts'],
    rules: restrict([
      ...outsideApi,
      {
        group: ['../db/*', '../routes/*', '../http/*', '../app', '../server'],
        message: 'api/domain is pure: it imports only contract and domain.',
      },
      {
        group: ['pg', 'hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*'],
        message: 'api/domain is pure: no I/O libraries.',
      },
    ]),
  },
  {
    files: ['data/**/*.ts'],
    rules: restrict([
      { group: ['**/web/**', '**/tests/**'], message: 'data/ must not import web/ or tests/.' },
    ]),
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // web/ → api/ direction is checked by tests/unit/architecture.test.ts, which resolves paths
      // (relative paths into the top-level api/ look alike to glob patterns).
    },
  },
);
