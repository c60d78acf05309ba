#!/usr/bin/env node
/**
 * The benchmark's DuckDB side: the same per-tier counts as `ccch score` on a dossier export
 * written by scripts/generate.mjs, as an analyst who knows SQL would write them. Run as its own
 * process by scripts/bench.mjs (so that its wall time and peak memory are measured alone):
 *
 *   node scripts/duckdb-count.mjs FILE [--threads 2] [--from 2023-01-01 --to 2023-12-31] [--scan-only]
 *
 * Prints one JSON object: { version, threads, queryMs, counts: { "online-rate/so": [n, N], … } }.
 *
 * It does the same work as ccch: every column read as text; the contract's seven date formats;
 * values folded (case, diacritics, đ, spacing) before the vocabulary lookups; fees with
 * thousands separators and đ/VNĐ; the same rejections (no code, unparseable or missing received
 * date, unparseable due or resolved date, resolved before received, bad tier column, tier not
 * decidable); the last accepted row of a code wins; the seven dossier indicators per tier.
 *
 * The tier from a unit's name is a CASE over the folded name that mirrors src/ingest/tier.ts for
 * the names the generator writes: "sở …"/"ban …" → so, otherwise the first administrative word
 * (thị xã, thị trấn, thành phố, tp, tỉnh, xã, phường, huyện, quận; "xã hội" is not one). It
 * works on ASCII-folded text, so it does not keep tier.ts's distinctions that need diacritics
 * ("cơ quan" vs "quận"): the generated names never need them. It is computed once per distinct
 * unit name and joined back, as an analyst would.
 */
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const FOLD = (x) => `regexp_replace(trim(replace(lower(strip_accents(coalesce(${x}, ''))), 'đ', 'd')), '\\s+', ' ', 'g')`;
/**
 * A day from the contract's formats. The shape (length, separators) picks the one format to try,
 * which is 3–4 times faster than trying a list of formats on every value; what no shape fits
 * (d/m/yyyy with one-digit parts, times without seconds) tries the rest.
 */
const DAY = (x) => `CAST(CASE
    WHEN length(${x}) = 19 AND ${x}[3] = '/' THEN try_strptime(${x}, '%d/%m/%Y %H:%M:%S')
    WHEN length(${x}) = 19 AND ${x}[11] = 'T' THEN try_strptime(${x}, '%Y-%m-%dT%H:%M:%S')
    WHEN length(${x}) = 19 THEN try_strptime(${x}, '%Y-%m-%d %H:%M:%S')
    WHEN length(${x}) = 10 AND ${x}[5] = '-' THEN try_strptime(${x}, '%Y-%m-%d')
    WHEN length(${x}) = 14 THEN try_strptime(${x}, '%Y%m%d%H%M%S')
    ELSE try_strptime(${x}, ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M'])
  END AS DATE)`;
const BLANK = (x) => `(coalesce(trim(${x}), '') = '')`;

/** Folding runs once per distinct value of a column (a few dozen), then a hash join maps every row. */
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

export function dossierSql(file, from, to) {
  const path = file.replace(/'/g, "''");
  const maps = Object.entries(VOCAB)
    .map(
      ([k, expr]) => `m_${k} AS (
  SELECT ${k}_s, ${expr} AS ${k} FROM (SELECT ${k}_s, f, trim(regexp_replace(f, '(vnd|d)$', '')) AS g
    FROM (SELECT ${k}_s, ${FOLD(`${k}_s`)} AS f FROM (SELECT DISTINCT ${k}_s FROM raw)))
)`,
    )
    .join(',\n');
  return `
WITH raw AS MATERIALIZED (
  SELECT row_number() OVER () AS rn,
    coalesce("Mã hồ sơ", '') AS code_s, coalesce("Đơn vị", '') AS unit_s, coalesce("Cấp", '') AS cap_s,
    trim(coalesce("Ngày tiếp nhận", '')) AS rec_s, trim(coalesce("Ngày hẹn trả", '')) AS due_s,
    trim(coalesce("Ngày kết thúc xử lý", '')) AS res_s,
    coalesce("Hình thức nộp", '') AS ch_s, coalesce("Số hóa", '') AS dig_s, coalesce("Kết quả điện tử", '') AS er_s,
    coalesce("Đánh giá", '') AS rat_s, coalesce("Phí, lệ phí", '') AS fee_s, coalesce("Hình thức thanh toán", '') AS pay_s
  FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
${maps},
m_unit AS (
  SELECT unit_s,
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
  FROM (SELECT unit_s, ${FOLD('unit_s')} AS fn FROM (SELECT DISTINCT unit_s FROM raw))
),
parsed AS (
  SELECT rn, trim(code_s) AS code, ${BLANK('unit_s')} AS no_unit,
    ${DAY('rec_s')} AS rec, due_s = '' AS due_blank, ${DAY('due_s')} AS due,
    res_s = '' AS res_blank, ${DAY('res_s')} AS res,
    CASE WHEN cap = '' THEN name_tier ELSE cap END AS tier,
    ch, dig, er, rat, fee, pay
  FROM raw
  LEFT JOIN m_unit USING (unit_s) LEFT JOIN m_cap USING (cap_s) LEFT JOIN m_ch USING (ch_s)
  LEFT JOIN m_dig USING (dig_s) LEFT JOIN m_er USING (er_s) LEFT JOIN m_rat USING (rat_s)
  LEFT JOIN m_fee USING (fee_s) LEFT JOIN m_pay USING (pay_s)
),
accepted AS (
  SELECT * FROM parsed
  WHERE code <> '' AND NOT no_unit AND rec IS NOT NULL
    AND (due_blank OR due IS NOT NULL) AND (res_blank OR res IS NOT NULL)
    AND (res IS NULL OR res >= rec) AND tier IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY code ORDER BY rn DESC) = 1
),
flags AS (
  SELECT tier,
    rec BETWEEN DATE '${from}' AND DATE '${to}' AS rec_in,
    coalesce(res BETWEEN DATE '${from}' AND DATE '${to}', false) AS res_in,
    (rec <= DATE '${to}' AND (res IS NULL OR res > DATE '${to}')) AS open_end,
    due, res, ch, dig, er, rat, pay,
    CASE WHEN fee > 0 THEN 1 WHEN fee = 0 THEN 0 WHEN fee = -2 THEN -1
         WHEN pay = -1 THEN -1 WHEN pay > 0 THEN 1 ELSE 0 END AS ob
  FROM accepted
)
SELECT tier,
  count(*) FILTER (rec_in AND ch > 0) AS "online-rate/N",
  count(*) FILTER (rec_in AND ch = 1) AS "online-rate/n",
  count(*) FILTER (res_in OR open_end) AS "on-time-rate/N",
  count(*) FILTER ((res_in AND (due IS NULL OR res <= due)) OR (NOT res_in AND open_end AND (due IS NULL OR due >= DATE '${to}'))) AS "on-time-rate/n",
  count(*) FILTER (res_in AND rat > 0) AS "satisfaction-rate/N",
  count(*) FILTER (res_in AND rat = 1) AS "satisfaction-rate/n",
  count(*) FILTER (rec_in AND dig > 0) AS "digitization-rate/N",
  count(*) FILTER (rec_in AND dig = 1) AS "digitization-rate/n",
  count(*) FILTER (res_in AND er > 0) AS "e-result-rate/N",
  count(*) FILTER (res_in AND er = 1) AS "e-result-rate/n",
  count(*) FILTER (rec_in AND ob = 1 AND pay > 0) AS "online-payment-rate/N",
  count(*) FILTER (rec_in AND ob = 1 AND pay = 1) AS "online-payment-rate/n",
  count(*) FILTER (rec_in AND ob = 1 AND pay > 0) AS "cashless-payment-rate/N",
  count(*) FILTER (rec_in AND ob = 1 AND pay IN (1, 2)) AS "cashless-payment-rate/n"
FROM flags GROUP BY tier ORDER BY tier`;
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
