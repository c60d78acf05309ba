/**
 * The HTML report's charts: Vega-Lite specs, compiled by vega-lite and rendered to static SVG by
 * Vega's headless View (no canvas, no DOM, no script in the output). This module is imported
 * only by score/html.ts, itself loaded only for `--format html`, so that the other formats never
 * load Vega (some 0.2 s at start).
 *
 * The data carries ccch's own labels (tiers, months, rates already formatted the way the tables
 * write them); Vega escapes what it writes as SVG text, and checkedSvg refuses any SVG that
 * would run script or load anything.
 */
import { View, parse, type LoggerInterface, type Loader } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Status } from '../../model/result.js';

/** A system font stack with Vietnamese glyphs on Windows, macOS, Android and Linux desktops. */
export const FONT_STACK = '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export const STATUS_COLOR: Record<Status, string> = { pass: '#1e7b3c', fail: '#c0262d', 'no-data': '#98a2b3', 'no-target': '#5b7fa6' };

/** One bar of an indicator's chart: a tier's rate against its target. */
export interface TierBar {
  /** The tier as written for people ("Huyện"). */
  label: string;
  /** The rate in percent (null: no data). */
  rate: number | null;
  /** The rate as the tables write it ("37,8%"), or "no data". */
  text: string;
  target: number | null;
  /** The target as the tables write it ("≥ 30%"). */
  targetText: string;
  status: Status;
}

/** One point of a monthly trend: one series (a tier) in one month. */
export interface TrendPoint {
  /** `YYYY-MM`: the order of the x axis. */
  month: string;
  /** The month as written on the axis ("T3/2023"). */
  monthLabel: string;
  series: string;
  rate: number | null;
  target: number | null;
}

const BASE_CONFIG = {
  font: FONT_STACK,
  // No ARIA descriptions from Vega (they are English); the page labels each chart itself.
  aria: false,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, labelColor: '#344054', titleFontSize: 12, domainColor: '#98a2b3', tickColor: '#98a2b3', gridColor: '#eaecf0' },
  legend: { labelFontSize: 12, symbolStrokeWidth: 2.5 },
} as const;

const PERCENT_AXIS = { title: null, values: [0, 20, 40, 60, 80, 100], tickCount: 6, labelOverlap: false, labelExpr: "datum.value + '%'", grid: true } as const;

/** An indicator's rate per tier as horizontal bars coloured by verdict, each with its target as a black mark. */
export function tierSpec(bars: readonly TierBar[]): TopLevelSpec {
  const y = { field: 'label', type: 'nominal', sort: bars.map((b) => b.label), title: null, axis: { labelFontSize: 13, labelLimit: 140, ticks: false, labelPadding: 6 } } as const;
  const x = { field: 'rate', type: 'quantitative', scale: { domain: [0, 100], nice: false, clamp: true }, axis: PERCENT_AXIS } as const;
  return {
    width: 320,
    height: { step: 30 },
    config: BASE_CONFIG,
    data: { values: bars.map((b) => ({ ...b })) },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: { field: 'status', type: 'nominal', scale: { domain: Object.keys(STATUS_COLOR), range: Object.values(STATUS_COLOR) }, legend: null },
        },
      },
      {
        mark: { type: 'tick', color: '#101828', thickness: 3, bandSize: 26 },
        encoding: { y, x: { field: 'target', type: 'quantitative' } },
      },
      // The rate as text, in a column right of the plot (never under a bar or a target mark); "no data" at 0.
      {
        transform: [{ filter: 'datum.rate != null' }],
        mark: { type: 'text', align: 'left', dx: 10, color: '#101828', fontWeight: 'bold', fontSize: 13 },
        encoding: { y, x: { datum: 100, type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'datum.rate != null && datum.target != null' }],
        mark: { type: 'text', align: 'left', dx: 62, color: '#475467', fontSize: 12 },
        encoding: { y, x: { datum: 100, type: 'quantitative' }, text: { field: 'targetText' } },
      },
      {
        transform: [{ filter: 'datum.rate == null' }],
        mark: { type: 'text', align: 'left', dx: 6, color: '#667085', fontStyle: 'italic', fontSize: 12 },
        encoding: { y, x: { datum: 0, type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec;
}

/** Palette for the trend's series (tiers), distinguishable in colour-blind vision and in grey print (with the point shapes). */
const SERIES_COLORS = ['#1f5fa8', '#d9822b', '#2f9e6e', '#6b4c9a'];

/** An indicator's monthly rate per tier, each tier's target dashed in its colour. */
export function trendSpec(points: readonly TrendPoint[], series: readonly string[], width: number): TopLevelSpec {
  const months = [...new Map(points.map((p) => [p.month, p.monthLabel])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, l]) => l);
  const color = { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: SERIES_COLORS.slice(0, series.length) }, title: null, legend: { orient: 'bottom', direction: 'horizontal' } } as const;
  const x = { field: 'monthLabel', type: 'ordinal', sort: months, scale: { domain: months }, title: null, axis: { labelAngle: 0, labelFontSize: 12 } } as const;
  return {
    width,
    height: 180,
    config: BASE_CONFIG,
    data: { values: points.map((p) => ({ ...p })) },
    layer: [
      {
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5, opacity: 0.8 },
        encoding: { y: { field: 'target', type: 'quantitative', aggregate: 'max' }, color },
      },
      {
        transform: [{ filter: 'datum.rate != null' }],
        mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2.5 },
        encoding: {
          x,
          y: { field: 'rate', type: 'quantitative', scale: { domain: [0, 100], nice: false }, axis: PERCENT_AXIS },
          color,
          shape: { field: 'series', type: 'nominal', sort: series, scale: { domain: series }, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
    ],
  } as TopLevelSpec;
}

/** A loader that loads nothing: the specs carry their data, and a chart must never fetch. */
const NO_LOADER = {
  load: () => Promise.reject(new Error('charts load nothing')),
  sanitize: () => Promise.reject(new Error('charts load nothing')),
  http: () => Promise.reject(new Error('charts load nothing')),
  file: () => Promise.reject(new Error('charts load nothing')),
} as unknown as Loader;

/** Vega's and Vega-Lite's warnings: kept in `into` (the tests hold them to none), else dropped. */
function logger(into?: string[]): LoggerInterface {
  let level = 0;
  const keep = (...args: readonly unknown[]) => {
    into?.push(args.map(String).join(' '));
  };
  const self: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level as unknown as LoggerInterface;
      level = l;
      return self;
    },
    error: (...args: readonly unknown[]) => {
      keep(...args);
      return self;
    },
    warn: (...args: readonly unknown[]) => {
      keep(...args);
      return self;
    },
    info: () => self,
    debug: () => self,
  } as LoggerInterface;
  return self;
}

/**
 * A Vega-Lite spec as static SVG. `scope` prefixes the SVG's ids (Vega numbers its clip paths
 * clip1, clip2… in every chart, and ids are shared by all the SVGs of a page). `warnings`, when
 * given, receives what Vega-Lite and Vega warn about.
 */
export async function renderSvg(spec: TopLevelSpec, scope: string, warnings?: string[]): Promise<string> {
  const log = logger(warnings);
  const vg = compile(spec, { logger: log }).spec;
  const view = new View(parse(vg), { renderer: 'none', logger: log, loader: NO_LOADER });
  try {
    return checkedSvg(scoped(await view.toSVG(), scope));
  } finally {
    view.finalize();
  }
}

/**
 * The SVG with its ids, and the references to them, renamed `scope-1`, `scope-2`… in order of
 * first appearance: unique in the page, and the same whatever was rendered before (Vega numbers
 * clip paths with a counter that lives as long as the process).
 */
function scoped(svg: string, scope: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(scope)) throw new Error(`bad chart scope ${scope}`);
  const names = new Map<string, string>();
  const name = (id: string) => {
    let n = names.get(id);
    if (n === undefined) names.set(id, (n = `${scope}-${names.size + 1}`));
    return n;
  };
  return svg.replace(/(\s)id="([^"]*)"|url\(#([^)]*)\)/g, (_, sp: string | undefined, id: string | undefined, ref: string | undefined) =>
    id !== undefined ? `${sp}id="${name(id)}"` : `url(#${name(ref!)})`,
  );
}

/**
 * The SVG as it may go into the page: one <svg> element with no script, no event handler, no
 * foreign content, no link and no reference outside itself (Vega writes none of these for our
 * specs; this is the guard that keeps it so).
 */
export function checkedSvg(svg: string): string {
  const bad = /<script|<foreignObject|<image|<use\b|<a\b|<style|\son[a-z]+\s*=|href\s*=|url\((?!#)|@import|<!|<\?/i.exec(svg);
  if (!svg.startsWith('<svg') || !svg.endsWith('</svg>') || bad) throw new Error(`chart SVG refused${bad ? `: ${bad[0]}` : ''}`);
  return svg;
}
