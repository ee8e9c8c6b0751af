/**
 * The cycle check (`npm run check:cycles`, part of `npm run lint`). Layer direction is ESLint's
 * job (eslint-plugin-boundaries in eslint.config.js); this only forbids import cycles, which a
 * per-file linter cannot see. Type-only imports count too: a cycle of types is still a tangle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module must not reach itself through its imports (static or dynamic).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: 'boundary-probe' },
  },
};
