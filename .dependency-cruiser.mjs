// Import rules for src/ (`npm run depcheck`, part of `npm run check`): no import cycles, type-only
// imports included, and the layers of the data flow (GUIDE.md, "Architecture"):
//   util ← model ← i18n; plan; ingest; indicators; evaluate; report ← pipeline ← cli.
// Each layer rule names what a folder must not import; a module's own folder is always allowed.

/** A path pattern for one or more folders of src/. */
const dirs = (...names) => `^src/(${names.join('|')})/`;

/** Folder `from` may import from src/ only what is inside itself or `allowed`. */
const onlyFrom = (from, allowed, comment) => ({
  name: `${from}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
  comment,
  severity: 'error',
  from: { path: dirs(from) },
  to: { path: '^src/', pathNot: dirs(from, ...allowed) },
});

/** Folder `from` must not import from any folder of `forbidden`. */
const notFrom = (from, forbidden, comment) => ({
  name: `${from}-not-${forbidden.join('-')}`,
  comment,
  severity: 'error',
  from: { path: dirs(from) },
  to: { path: dirs(...forbidden) },
});

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles at all, type-only imports included (issue 10).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would slip past every rule here.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'src-not-to-dev-dependencies',
      comment: 'src/ is what ships: it must not import a devDependency (csv-parse is the tests\' oracle).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'src-not-to-undeclared-packages',
      comment: 'Every package src/ imports is declared in package.json.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    onlyFrom('util', [], 'util/ is the bottom layer: text folding, dates, numbers.'),
    onlyFrom('model', ['util'], 'model/ is the vocabulary every stage shares; it imports only util/.'),
    onlyFrom('i18n', ['model', 'util'], 'i18n/ holds texts for the codes of model/.'),
    notFrom('plan', ['ingest', 'indicators', 'evaluate', 'pipeline', 'report', 'cli'], 'plan/ reads the YAML; it does not know the stages that use it.'),
    notFrom('ingest', ['evaluate', 'pipeline', 'report', 'cli'], 'ingest/ turns bytes into records and counts; it does not judge or render them.'),
    notFrom('indicators', ['ingest', 'evaluate', 'pipeline', 'report', 'cli'], 'indicators/ count records; they do not read files.'),
    notFrom('evaluate', ['ingest', 'pipeline', 'report', 'cli'], 'evaluate/ compares counts with targets; the types it shares with ingest/ live in model/.'),
    notFrom('report', ['ingest', 'pipeline', 'cli'], 'report/ renders results; it does not compute them.'),
    {
      name: 'pipeline-only-from-cli',
      comment: 'Nothing below the pipeline imports it: only cli/ (and pipeline/ itself).',
      severity: 'error',
      from: { path: '^src/', pathNot: dirs('cli', 'pipeline') },
      to: { path: dirs('pipeline') },
    },
    {
      name: 'cli-only-from-cli',
      comment: 'Only cli/ touches process and the command line; nothing else imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: dirs('cli') },
      to: { path: dirs('cli') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through `import type` is still a cycle (issue 10).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages through their `exports` as Node does (csv-parse/sync has no file at that path).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
