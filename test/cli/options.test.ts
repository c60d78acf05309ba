/**
 * The option table (cli/options.ts): each entry is what commander parses, documented for every
 * command that takes it; values are parsed and checked there, shared by the commands; the one
 * period resolver (validate takes --from/--to as score does).
 */
import { describe, it, expect } from 'vitest';
import { Option } from 'commander';
import { OPTIONS, optionsFor, parseOptions } from '../../src/cli/options.js';
import { COMMAND_NAMES, FORMATS } from '../../src/cli/formats.js';
import { choicesOf, helpLine, perCommand } from '../../src/cli/option-spec.js';
import { resolvePeriod } from '../../src/cli/period.js';
import { CcchError } from '../../src/model/errors.js';
import { daysFromCivil } from '../../src/util/dates.js';
import { ccch } from '../helpers.js';

describe('the option table', () => {
  it('keys each option by the name commander gives its value', () => {
    for (const [key, spec] of Object.entries(OPTIONS)) expect(new Option(spec.flags).attributeName()).toBe(key);
  });

  it('documents every option for every command that takes it: help, README row', () => {
    for (const command of COMMAND_NAMES) {
      for (const [key, spec] of optionsFor(command)) {
        expect(helpLine(spec, command).length, `${command} --${key}`).toBeGreaterThan(5);
        if (spec.readme !== null) expect(perCommand(spec.readme, command).meaning.length).toBeGreaterThan(5);
      }
    }
  });

  it("takes --format's choices from each command's renderer registry", () => {
    for (const command of COMMAND_NAMES) expect(choicesOf(OPTIONS.format, command)).toEqual(FORMATS[command].map((f) => f.name));
    expect(FORMATS.plan.map((f) => f.name)).toEqual(['table', 'json', 'md']);
  });

  it('parses values, fills in defaults, and leaves out what was not given', () => {
    const v = parseOptions('score', { format: ' JSON ', lang: 'EN', threads: '2', delimiter: 'tab', period: '2023-q1', problems: true });
    expect(v).toMatchObject({ format: 'json', lang: 'en', threads: 2, delimiter: '\t', problems: true, units: undefined, by: undefined });
    expect(v.period).toMatchObject({ label: '2023-Q1' });
    expect(parseOptions('tasks', { group: 'Section', format: 'table', lang: 'vi', asOf: '2023-04-15' })).toMatchObject({ group: 'section', asOf: daysFromCivil(2023, 4, 15) });
  });

  it('takes periods and days as the data writes them (Quý I/2023, 03/2023, 15/04/2023)', () => {
    const opts = (o: Record<string, string>) => parseOptions('score', { format: 'table', lang: 'vi', ...o });
    expect(opts({ period: 'Quý I/2023' }).period).toMatchObject({ label: '2023-Q1' });
    expect(opts({ period: '03/2023' }).period).toMatchObject({ label: '2023-03' });
    expect(opts({ from: '01/02/2023', to: '31/05/2023' })).toMatchObject({ from: daysFromCivil(2023, 2, 1), to: daysFromCivil(2023, 5, 31) });
    expect(parseOptions('tasks', { group: 'lead', format: 'table', lang: 'vi', asOf: '15/04/2023' })).toMatchObject({ asOf: daysFromCivil(2023, 4, 15) });
  });

  it('refuses a bad value with its coded usage error, --lang first', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CcchError ? [e.code, e.params] : e;
      }
      return 'accepted';
    };
    expect(refusal(() => parseOptions('plan', { format: 'csv', lang: 'vi' }))).toEqual(['usage.format', { value: 'csv', allowed: 'table, json, md' }]);
    expect(refusal(() => parseOptions('score', { format: 'xml', lang: 'fr' }))).toEqual(['usage.lang', { value: 'fr', allowed: 'vi, en' }]);
    let told = '';
    refusal(() => parseOptions('score', { format: 'xml', lang: 'en' }, (l) => (told = l)));
    expect(told).toBe('en'); // known before the format's error
    expect(refusal(() => parseOptions('validate', { format: 'table', lang: 'vi', period: '2023', to: '2023-03-01' }))).toEqual(['usage.periodWithDates', {}]);
    expect(refusal(() => parseOptions('score', { format: 'table', lang: 'vi', by: 'district' }))).toEqual(['usage.byDistrictNeedsUnits', {}]);
    expect(refusal(() => parseOptions('score', { format: 'table', lang: 'vi', by: 'district', units: 'u.csv' }))).toBe('accepted');
    expect(refusal(() => parseOptions('tasks', { format: 'table', lang: 'vi', asOf: '2023-02-30' }))).toEqual(['usage.asOf', { value: '2023-02-30' }]);
    // --as-of takes dd/mm/yyyy too, for every command that has it.
    expect(parseOptions('tasks', { group: 'lead', format: 'table', lang: 'vi', asOf: '15/04/2023' })).toMatchObject({ asOf: daysFromCivil(2023, 4, 15) });
  });
});

describe('resolvePeriod (score and validate)', () => {
  it('--period, else --from/--to filled in from the plan year, else the plan year', () => {
    expect(resolvePeriod({}, 2023)).toMatchObject({ label: '2023' });
    const from = parseOptions('score', { format: 'table', lang: 'vi', from: '2023-02-01' });
    expect(resolvePeriod(from, 2023)).toMatchObject({ label: '2023-02-01..2023-12-31' });
  });
});

describe('validate --from/--to', () => {
  it('checks summary reports against the dates given, as score scores them', async () => {
    const r = await ccch(['validate', 'fixtures/summary/tong-hop-2023.csv', '--from', '2023-01-01', '--to', '2023-03-31', '--format', 'json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.period).toMatchObject({ from: '2023-01-01', to: '2023-03-31', label: '2023-01-01..2023-03-31', fromTitle: null });
    // The year's report covers more than the dates: its rows are rejected, as with --period 2023-Q1.
    const q1 = JSON.parse((await ccch(['validate', 'fixtures/summary/tong-hop-2023.csv', '--period', '2023-Q1', '--format', 'json'])).stdout);
    expect(r.code).toBe(1);
    expect(j.summary).toEqual(q1.summary);
    expect(j.problems.map((p: { code: string }) => p.code)).toEqual(q1.problems.map((p: { code: string }) => p.code));
  });

  it('refuses --period with --from/--to, and --to before --from', async () => {
    const both = await ccch(['validate', 'fixtures/hand/all-pass.csv', '--period', '2023', '--from', '2023-01-01']);
    expect(both).toEqual({ code: 2, stdout: '', stderr: 'ccch: --period không dùng cùng --from/--to\n' });
    const back = await ccch(['validate', 'fixtures/hand/all-pass.csv', '--from', '2023-05-01', '--to', '2023-04-01', '--lang', 'en']);
    expect(back).toEqual({ code: 2, stdout: '', stderr: 'ccch: --to (2023-04-01) is before --from (2023-05-01)\n' });
  });
});
