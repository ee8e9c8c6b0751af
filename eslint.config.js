// ESLint flat config. The import rules (eslint-plugin-boundaries, on resolved paths: static and
// dynamic imports and re-exports alike) enforce STYLE.md's dependency direction, below. Type-aware
// rules catch promises nobody awaits.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers, one per folder (the first pattern that matches a file decides its layer). */
const ELEMENTS = [
  ['api-contract', 'api/contract'],
  ['api-domain', 'api/domain'],
  ['api-db', 'api/db'],
  // Readers and writers of GIS files (GeoJSON, CSV, Shapefile, GeoPackage): bytes in, features out.
  ['api-files', 'api/files'],
  ['api-http', 'api/http'],
  ['api-use-cases', 'api/use-cases'],
  ['api-openapi', 'api/openapi'],
  ['api-routes', 'api/routes'],
  // One folder per external surface; a surface imports no other surface.
  ['api-surface', 'api/{ogc,open311,tiles,styles,stream}'],
  ['api-cli', 'api/cli'],
  ['api-app', 'api/app.ts', 'file'],
  ['api-server', 'api/server.ts', 'file'],
  // config, config-network, log, web-build and whatever else sits at the top of api/.
  ['api-support', 'api/*', 'file'],
  ['web-domain', 'web/domain'],
  ['web-server-state', 'web/server-state'],
  ['web-ui', 'web/ui'],
  ['web-map', 'web/map'],
  ['web-features', 'web/features'],
  // app.tsx, main.tsx, csp.ts and the other files at the top of web/.
  ['web-shell', 'web/*', 'file'],
  ['data', 'data'],
  ['tests', 'tests'],
  // vite.config.ts and the other tool configs at the top: tests may load them.
  ['tooling', '*', 'file'],
].map(([type, pattern, file]) =>
  // A folder's pattern matches every file under it, however deep; a file's matches that file only.
  file ? { type, pattern, mode: 'full' } : { type, pattern, partialMatch: false },
);

/** What each layer may import (values and types alike, unless a policy says `kind: 'type'`). */
const MAY_IMPORT = {
  'api-contract': [],
  'api-domain': ['api-contract'],
  'api-support': ['api-contract', 'api-domain', 'api-support'],
  'api-db': ['api-contract', 'api-domain', 'api-support'],
  'api-files': ['api-contract', 'api-domain'],
  'api-http': ['api-contract', 'api-domain', 'api-db', 'api-support'],
  'api-use-cases': ['api-contract', 'api-domain', 'api-db', 'api-files', 'api-support'],
  'api-openapi': ['api-contract', 'api-domain', 'api-db', 'api-http', 'api-support'],
  'api-routes': [
    'api-contract',
    'api-domain',
    'api-db',
    'api-files',
    'api-http',
    'api-use-cases',
    'api-openapi',
    'api-support',
  ],
  'api-cli': ['api-contract', 'api-domain', 'api-db', 'api-files', 'api-use-cases', 'api-support'],
  data: [
    'data',
    'api-contract',
    'api-domain',
    'api-db',
    'api-files',
    'api-use-cases',
    'api-support',
  ],
  'web-domain': ['api-contract'],
  'web-server-state': ['api-contract', 'web-domain'],
  'web-ui': ['api-contract', 'web-domain'],
  'web-map': ['api-contract', 'web-domain', 'web-server-state', 'web-ui'],
  'web-features': ['api-contract', 'web-domain', 'web-server-state', 'web-ui', 'web-map'],
  'web-shell': ['api-contract', 'web-*'],
  tests: ['*'],
};
MAY_IMPORT['api-surface'] = MAY_IMPORT['api-routes'];
MAY_IMPORT['api-app'] = [...MAY_IMPORT['api-routes'], 'api-routes', 'api-surface'];
MAY_IMPORT['api-server'] = [...MAY_IMPORT['api-app'], 'api-app', 'data'];

const layer = (type) => ({ element: { type } });

const LAYER_POLICIES = [
  ...Object.entries(MAY_IMPORT).map(([from, to]) => ({
    from: layer(from),
    allow: { to: layer(to) },
  })),
  // web/ takes values only from api/contract; from the rest of api/ it takes types.
  { from: layer('web-*'), allow: { to: layer('api-*'), dependency: { kind: 'type' } } },
  // web/domain stays pure: it may name a server-state type but calls none of it.
  {
    from: layer('web-domain'),
    allow: { to: layer('web-server-state'), dependency: { kind: 'type' } },
  },
];

const PACKAGES = ['external', 'core'];
const IO_LIBRARIES = ['pg', 'hono', '@hono/*'];
const UI_LIBRARIES = ['react', 'react-dom', '@tanstack/*', 'maplibre-gl', '@deck.gl/*'];
const packages = (source) => ({ to: { module: source ? { source } : { origin: PACKAGES } } });

/** Packages (and Node built-ins): allowed everywhere except where a pure layer needs none. */
const PACKAGE_POLICIES = [
  { allow: packages() },
  {
    from: layer('api-contract'),
    disallow: packages(),
    message: 'api/contract imports nothing but zod.',
  },
  { from: layer('api-contract'), allow: packages('zod') },
  {
    from: layer('api-domain'),
    disallow: packages(IO_LIBRARIES),
    message: 'api/domain is pure: no I/O libraries.',
  },
  {
    from: layer('web-domain'),
    disallow: packages(UI_LIBRARIES),
    message: 'web/domain is pure: no React, no query cache, no map.',
  },
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
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['{api,web,data,tests}/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-templates': false,
      // `mode: 'full'` (one file as a layer) is deprecated in v7 without a replacement for files.
      'boundaries/legacy-warnings': false,
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          message: 'This import crosses a layer boundary (see eslint.config.js).',
          // Last match wins: the package policies come after the layers' so that they can narrow.
          policies: [...LAYER_POLICIES, ...PACKAGE_POLICIES],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
