// Test helpers: compile a Vega-Lite spec and render it to SVG in Node with the app's locale, and
// list the compiled scales, so the tests check what a reader would see, not only the spec's shape.
// Rendering goes the way the app goes under its Content-Security-Policy (no 'unsafe-eval'): the
// expressions are parsed to ASTs and evaluated by vega-interpreter, and the Function constructor
// is made to throw meanwhile, so a chart that would need generated code fails here.
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
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

/** Every scale of the compiled Vega spec, nested groups included, without rendering it. */
export function compiledScales(spec: TopLevelSpec): Array<Record<string, unknown>> {
  const scales: Array<Record<string, unknown>> = [];
  collectScales(compile(spec).spec, scales);
  return scales;
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
  const svg = await withoutCodeGeneration(async () => {
    const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as never);
    const text = await view.toSVG();
    view.finalize();
    return text;
  });
  return { svg, warnings, scales };
}

/** Runs fn with `Function(...)` and `new Function(...)` throwing, as a CSP without 'unsafe-eval' does. */
export async function withoutCodeGeneration<T>(fn: () => Promise<T>): Promise<T> {
  const original = globalThis.Function;
  const refuse = () => {
    throw new EvalError('code generation from strings is not allowed (Content-Security-Policy)');
  };
  globalThis.Function = new Proxy(original, { apply: refuse, construct: refuse });
  try {
    return await fn();
  } finally {
    globalThis.Function = original;
  }
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
