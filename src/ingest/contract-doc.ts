/**
 * The data contract as README's tables show it, made from the contract itself (contract.ts,
 * vocabulary.ts) so that the two never drift apart: scripts/readme-options.mjs writes the
 * tables between README's "generated: contract …" marks, and test/readme.test.ts checks them.
 */
import { FIELDS, type FieldSpec } from './contract.js';
import { CHANNEL, NO_FEE, ONLINE_FLAG, PAYMENT, PAYMENT_FLAG, PAYMENT_FLAG_HEADER, RATING, STATUS, TIER, YES_NO, type Vocabulary } from './vocabulary.js';
import type { Field } from '../model/kinds.js';

const code = (s: string) => `\`${s}\``;

/** A vocabulary's meanings: "online: `Trực tuyến`, …, any value beginning with `Trực tuyến`; not online: …". */
export function describeVocabulary(v: Vocabulary, blank?: string): string {
  const parts = Object.entries(v.listed).map(([label, spellings]) => {
    const rules = v.rules.filter((r) => r.label === label).map((r) => `any value ${r.match === 'prefix' ? 'beginning with' : 'containing'} ${code(r.spelling)}`);
    return `${label}: ${[...spellings.map(code), ...rules].join(', ')}`;
  });
  if (blank) parts.push(blank);
  return parts.join('; ');
}

/** What each field's cells may hold (README "values" column). */
export const FIELD_VALUES: Partial<Record<Field, string>> = {
  code: 'text',
  unit: 'text (see Tiers for the names that tell a tier)',
  tier: describeVocabulary(TIER),
  procedure: 'text (read, not used yet)',
  received: 'date',
  due: 'date; blank = no due date',
  resolved: 'date; blank = open',
  handedOver: 'date; read only where the processing end is blank or has no column',
  channel: describeVocabulary(CHANNEL, 'blank = unknown (warning)'),
  onlineFlag: `${describeVocabulary(ONLINE_FLAG, 'blank = not online')}; read only when the file has no channel column`,
  digitized: describeVocabulary(YES_NO, 'blank = no'),
  eResult: 'as digitized',
  rating: describeVocabulary(RATING, 'blank = not rated'),
  fee: `VND integer; \`.\`, \`,\` and spaces as thousands separators, optional \`đ\`/\`VNĐ\`; ${NO_FEE.map(code).join(', ')} = 0; blank = unknown`,
  payment: `${describeVocabulary(PAYMENT, 'blank = none recorded')}. Headed ${code(PAYMENT_FLAG_HEADER)}: ${describeVocabulary(PAYMENT_FLAG)
    .split('; ')
    .filter((p) => p.startsWith('not online'))
    .join('')} (in the denominators, in neither numerator)`,
  status: 'see [Dossier status](#dossier-status)',
};

const cell = (s: string) => s.replace(/\|/g, '\\|');

const label = (s: FieldSpec) => `${s.en}${s.required ? ' (required)' : ''}`;

/** A record list's table: field, headers (the first listed wins), values. */
export function contractTable(kind: 'dossiers' | 'feedback'): string {
  const rows = FIELDS[kind].map((s) => `| ${cell(label(s))} | ${cell(s.aliases.join(' · '))} | ${cell(FIELD_VALUES[s.field as Field] ?? '')} |`);
  return ['| field | headers (first listed wins) | values |', '|---|---|---|', ...rows].join('\n');
}

/** The dossier status column's meanings and their effects (docs/domain.md "Dossier status"). */
export const STATUS_EFFECTS: Record<string, string> = {
  'not accepted (excluded)': 'the row is **excluded**: in no indicator; counted in the file\'s accounting as excluded, with its value',
  'withdrawn or stopped':
    'stays in the received-based indicators (online, digitization, payments); on time on its resolved date (form 06\'s rule); with no resolved date, in no resolved-based indicator (a warning); never in e-result\'s numerator',
  'no effect': 'none: the dates decide',
};

export function statusTable(): string {
  const rows = Object.entries(STATUS.listed).map(([meaning, values]) => `| ${meaning} | ${cell(values.map(code).join(', '))} | ${cell(STATUS_EFFECTS[meaning] ?? '')} |`);
  rows.push('| unknown | anything else | a warning; no effect |');
  return ['| meaning | values | effect |', '|---|---|---|', ...rows].join('\n');
}
