// The house's rules for imports between parts (see CONTRIBUTING.md and the README's
// Architecture), checked in CI by `npm run depcheck`. The tree holds no exception to them: a new
// violation fails CI. Each part has two doors: index.ts (store reads, actions, jobs, types) and
// views.ts (the views other parts render); routes.ts and admin.ts are imported by app.ts alone.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'parts-through-doors',
      comment: 'A part imports another part only through its doors: index.ts (data, actions, types) and views.ts (views other parts render).',
      severity: 'error',
      // db/tables.ts assembles every part's table types: that is its job (STYLE rule 7).
      from: { path: '^src/([^/]+)/', pathNot: '^src/db/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/(index|views)\\.ts$', '^src/(platform|db)/'] },
    },
    {
      name: 'platform-imports-no-part',
      comment: 'platform/ is machinery with no newsroom words: it imports no part.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: ['^src/(platform|db)/', '^src/config\\.ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles: a part that needs a higher one is handed a function instead.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'worker-renders-nothing',
      comment: 'Nothing a worker loads (src/core.ts and below) reaches a route, admin or view file.',
      severity: 'error',
      from: { path: '^src/core\\.ts$' },
      to: { path: '(^src/[^/]+/(routes|admin|[a-z-]*-admin)\\.tsx?$)|(/views/)|(^src/newsroom/forms/fields\\.tsx$)', reachable: true },
    },
    {
      name: 'data-doors-render-nothing',
      comment: "A part's index.ts reaches no route, admin or view file: importing a part's data loads no page code. Views go through views.ts.",
      severity: 'error',
      from: { path: '^src/[^/]+/index\\.ts$' },
      to: { path: '(^src/[^/]+/(routes|admin|[a-z-]*-admin)\\.tsx?$)|(/views/)|(^src/newsroom/forms/fields\\.tsx$)', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
}
