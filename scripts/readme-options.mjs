#!/usr/bin/env node
/**
 * README.md's option tables and exit-code table, generated from the option table
 * (src/cli/options.ts), the commands (src/cli/commands/) and the help's exit codes
 * (src/cli/help.ts). Each generated region is marked in README.md:
 *
 *   <!-- generated: options score; … -->        the rows of `score`'s options (its main table)
 *   <!-- generated: options score side; … -->   the rows README lists elsewhere (`readme.table`)
 *   <!-- generated: exit-codes; … -->           every command's exit codes
 *   <!-- generated: contract dossiers; … -->    the data contract's tables (src/ingest/contract-doc.ts):
 *   <!-- generated: contract feedback; … -->    fields, headers, values; the status column's meanings
 *   <!-- generated: contract status; … -->
 *   …the table…
 *   <!-- end generated -->
 *
 *   node scripts/readme-options.mjs          rewrite the regions (after `npm run build`)
 *   node scripts/readme-options.mjs --check  exit 1 when README.md is not what it would write
 *
 * The functions below take the model as an argument, so that test/readme.test.ts checks the
 * README against src/ directly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REGION = /(<!-- generated: ([^;>]*?)(?:;[^>]*)? -->\n)([\s\S]*?)(<!-- end generated -->)/g;

/** A table cell: `|` escaped (in code too, as GitHub's tables need). */
const cell = (s) => s.replace(/\|/g, '\\|');
const code = (s) => `\`${s}\``;

/** The rows of a command's README table: [flags, meaning, example]. */
export function optionRows(model, command, table = 'main') {
  const { COMMANDS, COMMAND_NAMES, optionsFor, perCommand, choicesOf } = model;
  const rows = [];
  const { argument, files } = COMMANDS[command];
  if (table === 'main' && argument) rows.push({ flags: [argument.readme.flags], meaning: argument.readme.meaning, example: argument.readme.example });
  if (table === 'main' && files) rows.push({ flags: [files.readme.flags], meaning: files.readme.meaning, example: files.readme.example });
  for (const [, spec] of optionsFor(command)) {
    if (spec.readme === null) continue;
    const r = perCommand(spec.readme, command);
    const choices = choicesOf(spec, command);
    const long = spec.flags.split(/[ ,]+/).find((f) => f.startsWith('--'));
    const flags = r.flags === undefined ? [choices ? `${long} ${choices.join('|')}` : long] : [r.flags].flat();
    const home = spec.commands[0];
    // Explained where it is first used; elsewhere "as for `score`", consecutive ones in one row.
    if (home !== command && perCommand(spec.readme, home).meaning === r.meaning) {
      if (table !== 'main') continue;
      const last = rows[rows.length - 1];
      if (last?.asFor === home) last.flags.push(...flags);
      else rows.push({ flags, meaning: `as for ${code(home)}`, asFor: home });
      continue;
    }
    if ((r.table ?? 'main') !== table) continue;
    rows.push({ flags, meaning: r.meaning, example: r.example });
  }
  if (table === 'main') {
    rows.push({ flags: ['-h', '--help'], meaning: 'help, with the exit codes and examples', example: `ccch ${command} --help` });
    if (command === COMMAND_NAMES[0]) rows.push({ flags: ['-V', '--version'], meaning: "ccch's version", example: 'ccch --version' });
  }
  return rows;
}

export function optionTable(model, command, table = 'main') {
  const rows = optionRows(model, command, table).map(
    (r) => `| ${cell(r.flags.map(code).join(', '))} | ${cell(r.meaning)} | ${r.example ? cell(code(r.example)) : ''} |`,
  );
  return ['| option | meaning | example |', '|---|---|---|', ...rows].join('\n');
}

export function exitTable(model) {
  const { COMMAND_NAMES, EXITS } = model;
  const codes = [...new Set(COMMAND_NAMES.flatMap((c) => EXITS[c].map((e) => e.code)))].sort();
  const head = `| code | ${COMMAND_NAMES.map(code).join(' | ')} |`;
  const rows = codes.map((n) => `| ${n} | ${COMMAND_NAMES.map((c) => cell(EXITS[c].find((e) => e.code === n)?.readme ?? '—')).join(' | ')} |`);
  return [head, `|---|${COMMAND_NAMES.map(() => '---|').join('')}`, ...rows].join('\n');
}

function region(model, name) {
  const [what, command, table] = name.trim().split(/\s+/);
  if (what === 'exit-codes' && command === undefined) return exitTable(model);
  if (what === 'options' && model.COMMAND_NAMES.includes(command)) return optionTable(model, command, table ?? 'main');
  if (what === 'contract' && model.contract && (command === 'dossiers' || command === 'feedback')) return model.contract.contractTable(command);
  if (what === 'contract' && model.contract && command === 'status') return model.contract.statusTable();
  throw new Error(`README.md: unknown generated region "${name}"`);
}

/**
 * README's text with every region rewritten; `missing`: the tables that have rows but no region
 * (an option README would not document).
 */
export function updateReadme(text, model) {
  const seen = new Set();
  const out = text.replace(REGION, (_, open, name, _old, close) => {
    seen.add(name.trim().replace(/\s+/g, ' '));
    return `${open}\n${region(model, name)}\n\n${close}`;
  });
  const missing = [];
  for (const command of model.COMMAND_NAMES) {
    const tables = new Set(['main']);
    for (const [, spec] of model.optionsFor(command)) if (spec.readme !== null) tables.add(model.perCommand(spec.readme, command).table ?? 'main');
    for (const t of tables) {
      const name = t === 'main' ? `options ${command}` : `options ${command} ${t}`;
      if (!seen.has(name) && optionRows(model, command, t).length > 0) missing.push(name);
    }
  }
  if (!seen.has('exit-codes')) missing.push('exit-codes');
  return { text: out, missing };
}

/** The model from the build (dist/). */
export async function builtModel(root) {
  const dist = (p) => import(new URL(`dist/cli/${p}`, `file://${root}/`).href);
  const [options, formats, commands, help, spec, contract] = await Promise.all([
    dist('options.js'),
    dist('formats.js'),
    dist('commands/index.js'),
    dist('help.js'),
    dist('option-spec.js'),
    import(new URL('dist/ingest/contract-doc.js', `file://${root}/`).href),
  ]);
  return {
    optionsFor: options.optionsFor,
    COMMAND_NAMES: formats.COMMAND_NAMES,
    COMMANDS: commands.COMMANDS,
    EXITS: help.EXITS,
    perCommand: spec.perCommand,
    choicesOf: spec.choicesOf,
    contract: { contractTable: contract.contractTable, statusTable: contract.statusTable },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const file = join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const { text: next, missing } = updateReadme(text, await builtModel(root));
  if (missing.length) {
    console.error(`README.md has no generated region for: ${missing.join('; ')}`);
    process.exitCode = 1;
  } else if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error('README.md: the option tables are stale; run `npm run build && node scripts/readme-options.mjs`');
      process.exitCode = 1;
    }
  } else if (next !== text) writeFileSync(file, next);
}
