// Structure check (npm run lint:structure): no import cycles, type-only imports included —
// a type import back up the layers is how a grab-bag object creeps back in.
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import one way only: services at the bottom, the conversation core above the domain types, adapters on top.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    // Count `import type` too (dependency-cruiser drops them by default, like the compiler does).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
