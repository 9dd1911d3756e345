/**
 * The import rules of duban-sheets, checked by `npm run check:deps` (part of `npm test`): imports point down the
 * layers only, never in a cycle; nothing in src/ imports the template builders or the tests.
 *
 *   entries (bin/, src/worker.ts, functions/) → cli → local → runtime → web → scan → workbook
 *     → store | mail | report → domain → calendar
 */
const LAYERS = [
  ['cli', '^src/cli/'],
  ['local', '^src/local/'],
  ['runtime', '^src/runtime/'],
  ['web', '^src/web/'],
  ['scan', '^src/scan/'],
  ['workbook', '^src/workbook/'],
  ['store', '^src/store/'],
  ['mail', '^src/mail/'],
  ['report', '^src/report/'],
  ['domain', '^src/domain/'],
  ['calendar', '^src/calendar/'],
];
/** Layers that sit side by side: none of them may import another. */
const SIBLINGS = ['store', 'mail', 'report'];

const rank = (name) => (SIBLINGS.includes(name) ? 6 : LAYERS.findIndex(([n]) => n === name));
const upwardRules = LAYERS.flatMap(([name, path]) => {
  const above = LAYERS.filter(
    ([other]) => other !== name && (rank(other) < rank(name) || (SIBLINGS.includes(name) && SIBLINGS.includes(other))),
  );
  if (!above.length) return [];
  return [
    {
      name: `no-upward-from-${name}`,
      comment: `src/${name}/ may import only the layers below it (see the top of .dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path },
      to: { path: `(${above.map(([, p]) => p).join('|')}|^src/worker\\.ts$)` },
    },
  ];
});

module.exports = {
  forbidden: [
    ...upwardRules,
    {
      name: 'no-circular',
      comment: 'modules must not import each other, directly or through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-templates',
      comment: 'sheets-templates/ builds templates from src/; src/ never imports it',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^sheets-templates/' },
    },
    {
      name: 'product-not-tests',
      comment: 'test-only code lives under test/',
      severity: 'error',
      from: { path: '^(src|sheets-templates|functions|bin)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
