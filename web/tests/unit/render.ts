// Test helpers: compile a Vega-Lite spec and render it to SVG in Node with the app's locale, and
// list the compiled scales, so the tests check what a reader would see, not only the spec's shape.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { d3FormatLocale, d3TimeLocale, type Lang } from '../../src/format';

export interface Rendered {
  svg: string;
  warnings: string[];
  scales: Array<Record<string, unknown>>;
}

function collectScales(node: unknown, out: Array<Record<string, unknown>>): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.scales)) out.push(...(record.scales as Array<Record<string, unknown>>));
  if (Array.isArray(record.marks)) for (const mark of record.marks) collectScales(mark, out);
}

export async function render(spec: TopLevelSpec, lang: Lang = 'nl'): Promise<Rendered> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.join(' '));
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger: logger as never }).spec;
  const scales: Array<Record<string, unknown>> = [];
  collectScales(compiled, scales);
  vega.formatLocale(d3FormatLocale[lang] as never);
  vega.timeFormatLocale(d3TimeLocale[lang] as never);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings, scales };
}

/** How many drawn marks of a kind (rect, line, symbol, text) the SVG holds. */
export function markCount(svg: string, kind: 'rect' | 'line' | 'symbol' | 'text'): number {
  const groups = svg.split(`class="mark-${kind} role-mark`).slice(1);
  let count = 0;
  for (const group of groups) {
    const body = group.slice(0, group.indexOf('</g>'));
    count += (body.match(kind === 'text' ? /<text/g : /<path/g) ?? []).length;
  }
  return count;
}

/** The linear (quantitative position/colour) scales: every one must include zero. */
export function linearScales(scales: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return scales.filter((s) => s.type === 'linear');
}
