#!/usr/bin/env node
/**
 * The benchmark's DuckDB side: the same per-tier counts as `ccch score` on a dossier export
 * written by scripts/generate.mjs, as an analyst who knows DuckDB well would write them. Run as
 * its own process by scripts/bench.mjs (so that its wall time and peak memory are measured alone):
 *
 *   node scripts/duckdb-count.mjs FILE [--threads 2] [--from 2023-01-01 --to 2023-12-31] [--scan-only]
 *
 * Prints one JSON object: { version, threads, queryMs, counts: { "online-rate/so": [n, N], … } }.
 * queryMs covers the whole SQL script below (all its statements), not the instance's start-up.
 *
 * It does the same work as ccch: every column read as text; the contract's seven date formats
 * (and years 1900–2999, as src/util/dates.ts); values folded (case, diacritics, đ, spacing)
 * before the vocabulary lookups; fees with thousands separators and đ/VNĐ; the same rejections
 * (no code, no unit, unparseable or missing received date, unparseable due or resolved date,
 * resolved before received, bad tier column, tier not decidable); the last accepted row of a
 * code wins; the seven dossier indicators per tier, lateness judged to the minute and open
 * dossiers at the data's last day when it is before the period's end.
 *
 * The tier from a unit's name is a CASE over the folded name that mirrors src/ingest/tier.ts for
 * the names the generator writes: "sở …"/"ban …" → so, otherwise the first administrative word
 * (thị xã, thị trấn, thành phố, tp, tỉnh, xã, phường, huyện, quận; "xã hội" is not one). It
 * works on ASCII-folded text, so it does not keep tier.ts's distinctions that need diacritics
 * ("cơ quan" vs "quận"): the generated names never need them.
 *
 * How it is tuned (each step measured on the 1M-row export, 2 threads, interleaved runs):
 *   - Row order without a serial pipeline. "Last row wins" needs the file's row order, and
 *     read_csv has no file_row_number. `row_number() OVER ()` (or `WITH ORDINALITY`: the same
 *     streaming window) makes the CSV scan and all the work up to the next materialisation run on
 *     one thread (a scan with a date parse and a fold: 1.9 s → 3.3 s). Instead the script loads
 *     the rows into a temporary table first: CREATE TABLE AS from read_csv runs on both threads
 *     and keeps insertion order (preserve_insertion_order, set explicitly), so `rowid` is the
 *     row's position in the file (DuckDB's order-preservation docs suggest rowid for this; checked
 *     against WITH ORDINALITY on this file: all 1M rows agree). Keeping the order costs the load
 *     ~0.25 s; the load is ~1.4–1.7 s of the total (read ~0.45, dates ~0.5, the ordered insert).
 *   - Per-row work happens once, in that load: the three dates are parsed there, and what the
 *     counts need from them is stored as five bits (dates acceptable; received in the period;
 *     resolved in the period; open at the period's end; resolved on time, to the minute where
 *     both due and resolved carry a time) and two days: the day from whose end an open dossier
 *     is late, and the row's latest date. After the dedupe, J is the period's last day or the
 *     latest date of the rows kept when earlier, and the open dossiers are judged there, as ccch
 *     does (docs/domain.md "The judging moment J"). (Parsing in a projection that
 *     a later WHERE refers to is evaluated twice: filter pushdown inlines the expression; the old
 *     version did that.)
 *   - Dates: the value's length and layout pick the one format to try. try_strptime is cheap
 *     when it succeeds and expensive when it fails, so one list of formats tried on every value
 *     is ~4 times slower; trimming every value first costs ~0.3 s more. The rare rest is trimmed
 *     and checked against dates.ts's shapes (see DAY), so the layouts only decide speed.
 *   - Folding (strip_accents, lower, regexp) runs once per distinct value of a column (a few
 *     dozen; 998 unit names), into small lookup tables joined back by the raw value: folding
 *     every row costs ~0.5 s per column. The lookups are temporary tables, not CTEs, so that the
 *     planner knows they are small (as CTEs it built one hash table on the 1M rows: +0.3 s).
 *   - Dedupe: `arg_max(k, rowid) GROUP BY code`, k one integer (tier and the 13 conditions as
 *     bits). The optimizer turns the usual `QUALIFY row_number() OVER (PARTITION BY code ORDER BY
 *     rn DESC) = 1` into arg_max over a struct of the columns; even a struct of the 14 flags
 *     takes ~2.5 times the CPU of one integer.
 *   - Tried and not kept (no gain beyond the noise): strpos or x[i] instead of LIKE for the
 *     layouts, buffer_size, one GROUPING SETS pass for the lookups (−20 ms), IS NOT DISTINCT FROM
 *     joins without coalesce. Not tried on purpose: auto_detect = false with a fixed column list
 *     (ties the script to one file layout; sniffing is under 0.1 s).
 * The previous version (row_number() in a MATERIALIZED CTE, dates parsed after it, QUALIFY) took
 * 4.5–5.3 s of queryMs and ~700 MB; this one ~1.9–2.3 s and ~380 MB. The floor, `--scan-only`
 * (DuckDB reading the file and counting rows), is ~0.4–0.65 s.
 */
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const FOLD = (x) => `regexp_replace(trim(replace(lower(strip_accents(coalesce(${x}, ''))), 'đ', 'd')), '\\s+', ' ', 'g')`;
/**
 * A day from the contract's formats, as src/util/dates.ts reads them, in two steps. FAST_DAY: a
 * value laid out like one of the common formats is tried with that format only (a TIMESTAMP, or
 * NULL). DAY: what that leaves NULL (d/m/yyyy with a time, times without seconds or with a
 * one-digit hour, padding, garbage, blanks: rare) is trimmed, checked against the shapes that
 * dates.ts accepts, and tried with the formats of its shape; then the day, NULL outside the years
 * dates.ts accepts (1900–2999). (DuckDB's strptime takes any run of spaces for a space, so the
 * fast ISO forms refuse two spaces in a row, as dates.ts does.) TS is the same without the
 * cast: the instant, for the due and resolved dates, which are compared to the minute when both
 * carry a time (a parsed value longer than 10 characters has one: HAS_TIME).
 */
const FAST_DAY = (x) => `CASE
      WHEN strlen(${x}) = 19 AND ${x} LIKE '__/%' THEN try_strptime(${x}, '%d/%m/%Y %H:%M:%S')
      WHEN strlen(${x}) = 19 AND ${x} LIKE '____-__-__ __:__:__' AND NOT contains(${x}, '  ')
        THEN try_strptime(${x}, '%Y-%m-%d %H:%M:%S')
      WHEN strlen(${x}) = 14 AND NOT contains(${x}, ' ') THEN try_strptime(${x}, '%Y%m%d%H%M%S')
      WHEN strlen(${x}) = 19 AND ${x} LIKE '____-__-__T__:__:__' AND NOT contains(${x}, ' ')
        THEN try_strptime(${x}, '%Y-%m-%dT%H:%M:%S')
      WHEN strlen(${x}) = 16 AND ${x} LIKE '__/%' THEN try_strptime(${x}, '%d/%m/%Y %H:%M')
      WHEN strlen(${x}) = 10 AND ${x} LIKE '____-__-__' AND NOT contains(${x}, ' ') THEN try_strptime(${x}, '%Y-%m-%d')
      WHEN strlen(${x}) BETWEEN 8 AND 10 THEN try_strptime(${x}, '%d/%m/%Y')
    END`;
const TS = (fast, x) => `CASE
      WHEN ${fast} IS NOT NULL THEN ${fast}
      WHEN regexp_full_match(trim(${x}), '\\d{4}-\\d\\d-\\d\\d([T ]\\d{1,2}:\\d\\d(:\\d\\d)?)?') THEN try_strptime(trim(${x}),
        ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M'])
      WHEN regexp_full_match(trim(${x}), '\\d{1,2}/\\d{1,2}/\\d{4}( +\\d{1,2}:\\d\\d(:\\d\\d)?)?') THEN try_strptime(trim(${x}),
        ['%d/%m/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M'])
      WHEN regexp_full_match(trim(${x}), '\\d{14}') THEN try_strptime(trim(${x}), '%Y%m%d%H%M%S')
    END`;
const DAY = (fast, x) => `CAST(${TS(fast, x)} AS DATE)`;
/** The minute of a due or resolved instant when its text carries a time, else NULL (compare by date). */
const MINUTE = (day, ts, raw) => `CASE WHEN ${day} IS NOT NULL AND strlen(trim(${raw})) > 10 THEN date_trunc('minute', ${ts}) END`;
const IN_YEARS = (d) => `CASE WHEN ${d} BETWEEN DATE '1900-01-01' AND DATE '2999-12-31' THEN ${d} END`;
/** A date column is acceptable when it parsed or is blank (only spaces). */
const PARSED_OR_BLANK = (day, raw) => `CASE WHEN ${day} IS NOT NULL OR ${raw} IS NULL THEN true ELSE trim(${raw}) = '' END`;
/** trim() only when there is something to trim: trimming every value is slower than checking. */
const TRIM = (x) => `CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN trim(${x}) ELSE ${x} END`;

/** Each vocabulary column: its folded value f (and g, f without a trailing đ/vnd, for fees) → code. */
const VOCAB = {
  ch: `CASE f WHEN 'truc tuyen' THEN 1 WHEN 'nop truc tuyen' THEN 1 WHEN 'online' THEN 1 WHEN '2' THEN 1
      WHEN 'truc tiep' THEN 2 WHEN 'buu chinh' THEN 2 WHEN 'buu chinh cong ich' THEN 2 WHEN 'bcci' THEN 2 WHEN '1' THEN 2 WHEN '3' THEN 2
      ELSE 0 END`,
  dig: yesNo(),
  er: yesNo(),
  rat: `CASE f WHEN 'rat hai long' THEN 1 WHEN 'hai long' THEN 1
      WHEN 'binh thuong' THEN 2 WHEN 'khong hai long' THEN 2 WHEN 'rat khong hai long' THEN 2 ELSE 0 END`,
  pay: `CASE f WHEN '' THEN 0
      WHEN 'truc tuyen' THEN 1 WHEN 'thanh toan truc tuyen' THEN 1 WHEN 'online' THEN 1 WHEN '1' THEN 1 WHEN '2' THEN 1
      WHEN 'chuyen khoan' THEN 2 WHEN 'pos' THEN 2 WHEN 'the' THEN 2 WHEN 'qr' THEN 2
      WHEN 'tien mat' THEN 3 WHEN '0' THEN 3 ELSE -1 END`,
  cap: `CASE f WHEN '' THEN ''
      WHEN 'so' THEN 'so' WHEN 'cap so' THEN 'so' WHEN 'tinh' THEN 'so' WHEN 'cap tinh' THEN 'so'
      WHEN 'huyen' THEN 'huyen' WHEN 'cap huyen' THEN 'huyen'
      WHEN 'xa' THEN 'xa' WHEN 'cap xa' THEN 'xa' ELSE NULL END`,
  fee: `CASE WHEN f = '' THEN -1
      ELSE coalesce(TRY_CAST(CASE WHEN regexp_full_match(g, '[0-9][0-9., ]*') THEN regexp_replace(g, '[., ]', '', 'g') END AS BIGINT), -2) END`,
};

/**
 * The distinct conditions counted (cashless-payment-rate/N is online-payment-rate/N), bit i of k;
 * on-time-rate/n is on-time-resolved, or open-end and not late at J (see `filter`).
 */
const CONDITIONS = [
  ['online-rate/N', 'rec_in AND ch > 0'],
  ['online-rate/n', 'rec_in AND ch = 1'],
  ['on-time-rate/N', 'res_in OR open_end'],
  ['on-time-resolved', 'on_time'], // resolved in P, not late; with the open ones not late at J: on-time-rate/n
  ['satisfaction-rate/N', 'res_in AND rat > 0'],
  ['satisfaction-rate/n', 'res_in AND rat = 1'],
  ['digitization-rate/N', 'rec_in AND dig > 0'],
  ['digitization-rate/n', 'rec_in AND dig = 1'],
  ['e-result-rate/N', 'res_in AND er > 0'],
  ['e-result-rate/n', 'res_in AND er = 1'],
  ['online-payment-rate/N', 'rec_in AND ob = 1 AND pay > 0'],
  ['online-payment-rate/n', 'rec_in AND ob = 1 AND pay = 1'],
  ['cashless-payment-rate/n', 'rec_in AND ob = 1 AND pay IN (1, 2)'],
  ['open-end', 'open_end'],
];
const SAME_AS = { 'cashless-payment-rate/N': 'online-payment-rate/N' };
const OUTPUT = [
  'online-rate/N', 'online-rate/n', 'on-time-rate/N', 'on-time-rate/n', 'satisfaction-rate/N', 'satisfaction-rate/n',
  'digitization-rate/N', 'digitization-rate/n', 'e-result-rate/N', 'e-result-rate/n', 'online-payment-rate/N',
  'online-payment-rate/n', 'cashless-payment-rate/N', 'cashless-payment-rate/n',
];
const TIERS = ['so', 'huyen', 'xa'];

/** The SQL script (several statements; the last one returns the counts per tier). */
export function dossierSql(file, from, to) {
  const path = file.replace(/'/g, "''");
  const F = `DATE '${from}'`;
  const T = `DATE '${to}'`;
  const maps = Object.entries(VOCAB).map(
    ([k, expr]) => `CREATE OR REPLACE TEMP TABLE m_${k} AS
  SELECT ${k}_s, ${expr} AS ${k} FROM (SELECT ${k}_s, f, trim(regexp_replace(f, '(vnd|d)$', '')) AS g
    FROM (SELECT ${k}_s, ${FOLD(`${k}_s`)} AS f FROM (SELECT DISTINCT ${k}_s FROM rows)));`,
  );
  const bit = (key) => CONDITIONS.findIndex(([k]) => k === (SAME_AS[key] ?? key));
  // k: the conditions (bits 0–13), the tier (16–17), the day from whose end an open dossier is
  // late (20–39; 0: no due date) and the row's latest date (40–59), both as days since 31/12/1899.
  const k = `(CASE tier WHEN 'so' THEN 0 WHEN 'huyen' THEN 1 ELSE 2 END << 16)
      | ${CONDITIONS.map(([, cond], i) => `CASE WHEN ${cond} THEN ${1 << i} ELSE 0 END`).join('\n      | ')}
      | (late_from::BIGINT << 20) | (last_day::BIGINT << 40)`;
  // Open dossiers are judged at J, the end of P's last day or of the data's last day (the latest
  // date among the counted rows, the winners of the dedupe) when earlier: docs/domain.md.
  const filter = (key) =>
    key === 'on-time-rate/n'
      ? `k & ${1 << bit('on-time-resolved')} <> 0 OR (k & ${1 << bit('open-end')} <> 0 AND ((k >> 20) & 1048575 = 0 OR (k >> 20) & 1048575 > j))`
      : `k & ${1 << bit(key)} <> 0`;
  return `
SET preserve_insertion_order = true;
CREATE OR REPLACE TEMP TABLE rows AS
SELECT code, unit_s, cap_s, ch_s, dig_s, er_s, rat_s, fee_s, pay_s,
  CASE WHEN rec IS NOT NULL AND ${PARSED_OR_BLANK('due', 'due_s')} AND ${PARSED_OR_BLANK('res', 'res_s')}
    AND (res IS NULL OR res >= rec) THEN 1 ELSE 0 END
  | CASE WHEN rec BETWEEN ${F} AND ${T} THEN 2 ELSE 0 END
  | CASE WHEN res BETWEEN ${F} AND ${T} THEN 4 ELSE 0 END
  | CASE WHEN rec <= ${T} AND (res IS NULL OR res > ${T}) THEN 8 ELSE 0 END
  | CASE WHEN res BETWEEN ${F} AND ${T} AND (due IS NULL OR NOT (res > due OR (res = due AND coalesce(res_m > due_m, false))))
         THEN 16 ELSE 0 END AS d,
  CASE WHEN due IS NULL THEN 0 ELSE (due - DATE '1899-12-31') + CASE WHEN due_m IS NULL THEN 1 ELSE 0 END END AS late_from,
  coalesce(greatest(rec, res), rec) - DATE '1899-12-31' AS last_day
FROM (
  SELECT code, unit_s, cap_s, ch_s, dig_s, er_s, rat_s, fee_s, pay_s, due_s, res_s, rec, due, res,
    ${MINUTE('due', 'due_t', 'due_s')} AS due_m, ${MINUTE('res', 'res_t', 'res_s')} AS res_m
  FROM (
  SELECT code, unit_s, cap_s, ch_s, dig_s, er_s, rat_s, fee_s, pay_s, due_s, res_s, due_t, res_t,
    ${IN_YEARS('rec_d')} AS rec, ${IN_YEARS('CAST(due_t AS DATE)')} AS due, ${IN_YEARS('CAST(res_t AS DATE)')} AS res
  FROM (
    SELECT code, unit_s, cap_s, ch_s, dig_s, er_s, rat_s, fee_s, pay_s, due_s, res_s,
      ${DAY('rec_f', 'rec_s')} AS rec_d, ${TS('due_f', 'due_s')} AS due_t, ${TS('res_f', 'res_s')} AS res_t
    FROM (
      SELECT ${TRIM('"Mã hồ sơ"')} AS code, coalesce("Đơn vị", '') AS unit_s, coalesce("Cấp", '') AS cap_s,
        "Ngày tiếp nhận" AS rec_s, ${FAST_DAY('"Ngày tiếp nhận"')} AS rec_f,
        "Ngày hẹn trả" AS due_s, ${FAST_DAY('"Ngày hẹn trả"')} AS due_f,
        "Ngày kết thúc xử lý" AS res_s, ${FAST_DAY('"Ngày kết thúc xử lý"')} AS res_f,
        coalesce("Hình thức nộp", '') AS ch_s, coalesce("Số hóa", '') AS dig_s, coalesce("Kết quả điện tử", '') AS er_s,
        coalesce("Đánh giá", '') AS rat_s, coalesce("Phí, lệ phí", '') AS fee_s, coalesce("Hình thức thanh toán", '') AS pay_s
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    )
  )
  )
);
${maps.join('\n')}
CREATE OR REPLACE TEMP TABLE m_unit AS
  SELECT unit_s, trim(unit_s) = '' AS no_unit,
    CASE
      WHEN fn LIKE 'so %' OR fn LIKE 'ban %' THEN 'so'
      ELSE CASE regexp_extract(' ' || replace(fn, 'xa hoi', 'xa_hoi') || ' ',
                               '[ ,.;:()/-](thi xa|thi tran|thanh pho|tp|tinh|xa|phuong|huyen|quan)[ ,.;:()/-]', 1)
        WHEN 'tinh' THEN 'so'
        WHEN 'xa' THEN 'xa' WHEN 'phuong' THEN 'xa' WHEN 'thi tran' THEN 'xa'
        WHEN 'huyen' THEN 'huyen' WHEN 'quan' THEN 'huyen' WHEN 'thi xa' THEN 'huyen'
        WHEN 'thanh pho' THEN 'huyen' WHEN 'tp' THEN 'huyen'
        ELSE NULL END
    END AS name_tier
  FROM (SELECT unit_s, ${FOLD('unit_s')} AS fn FROM (SELECT DISTINCT unit_s FROM rows));
WITH accepted AS (
  SELECT rows.rowid AS rn, code, CASE WHEN cap = '' THEN name_tier ELSE cap END AS tier,
    d & 2 <> 0 AS rec_in, d & 4 <> 0 AS res_in, d & 8 <> 0 AS open_end, d & 16 <> 0 AS on_time,
    late_from, last_day, ch, dig, er, rat, pay,
    CASE WHEN fee > 0 THEN 1 WHEN fee = 0 THEN 0 WHEN fee = -2 THEN -1
         WHEN pay = -1 THEN -1 WHEN pay > 0 THEN 1 ELSE 0 END AS ob
  FROM rows
  LEFT JOIN m_unit USING (unit_s) LEFT JOIN m_cap USING (cap_s) LEFT JOIN m_ch USING (ch_s)
  LEFT JOIN m_dig USING (dig_s) LEFT JOIN m_er USING (er_s) LEFT JOIN m_rat USING (rat_s)
  LEFT JOIN m_fee USING (fee_s) LEFT JOIN m_pay USING (pay_s)
  WHERE d & 1 <> 0 AND code <> '' AND NOT no_unit AND tier IS NOT NULL
),
latest AS (
  SELECT arg_max(${k}, rn) AS k
  FROM accepted GROUP BY code
),
judged AS (
  SELECT least(${T} - DATE '1899-12-31', max((k >> 40) & 1048575)) AS j FROM latest
)
SELECT [${TIERS.map((t) => `'${t}'`).join(', ')}][((k >> 16) & 3) + 1] AS tier,
  ${OUTPUT.map((key) => `count(*) FILTER (${filter(key)}) AS "${key}"`).join(',\n  ')}
FROM latest, judged GROUP BY ALL ORDER BY tier`;
}

function yesNo() {
  return `CASE f WHEN '' THEN 2 WHEN 'co' THEN 1 WHEN 'x' THEN 1 WHEN '1' THEN 1 WHEN 'true' THEN 1 WHEN 'da so hoa' THEN 1
      WHEN 'khong' THEN 2 WHEN '0' THEN 2 WHEN 'false' THEN 2 WHEN 'chua so hoa' THEN 2 ELSE 0 END`;
}

/** The floor: DuckDB reading the same file and counting its rows, nothing else. */
export function scanSql(file) {
  return `SELECT count(*) AS n FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}

export async function duckdbCounts(file, { threads = 2, from = '2023-01-01', to = '2023-12-31', scanOnly = false } = {}) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const conn = await instance.connect();
  const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
  const t0 = performance.now();
  const rows = (await conn.runAndReadAll(scanOnly ? scanSql(file) : dossierSql(file, from, to))).getRowObjects();
  const queryMs = performance.now() - t0;
  if (scanOnly) return { version, threads, queryMs, rows: Number(rows[0].n), counts: {} };
  const counts = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (k === 'tier') continue;
      const [ind, which] = k.split('/');
      const key = `${ind}/${row.tier}`;
      counts[key] ??= [0, 0];
      counts[key][which === 'n' ? 0 : 1] = Number(v);
    }
  }
  conn.closeSync();
  instance.closeSync();
  return { version, threads, queryMs, counts };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (!file) {
    process.stderr.write('usage: duckdb-count.mjs FILE [--threads N] [--from D --to D]\n');
    process.exit(2);
  }
  const res = await duckdbCounts(file, {
    threads: Number(opt('--threads', '2')),
    from: opt('--from', '2023-01-01'),
    to: opt('--to', '2023-12-31'),
    scanOnly: args.includes('--scan-only'),
  });
  process.stdout.write(JSON.stringify(res) + '\n');
}
