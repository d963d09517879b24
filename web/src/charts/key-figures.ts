// Key figures: a few numbers of different units side by side (active pupils, per 1000 pupils,
// median weeks), each written large with its name under it. Numbers of different units get no
// shared axis; a bar per figure would invent a comparison between them.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { type BaseOptions, distinctValues, labelExpression, NUMBER_FORMAT, topLevel, valueTextExpression } from './common';

export interface KeyFiguresOptions extends BaseOptions {
  /** The field naming each figure (maat). */
  name: string;
  order: readonly string[];
  valueFormat?: string;
}

export function keyFiguresSpec(rows: readonly Row[], options: KeyFiguresOptions): TopLevelSpec {
  const names = distinctValues(rows, options.name, options.order);
  const transform = [
    { calculate: valueTextExpression('waarde', options.valueFormat ?? NUMBER_FORMAT), as: 'waarde_tekst' },
    { calculate: labelExpression(options.labels, options.name), as: 'naam_tekst' },
  ];
  // Side by side where there is room (180 px a figure), else one under the other (a phone).
  if (options.width >= 180 * names.length + 40) {
    const x = { field: options.name, type: 'nominal', sort: names, axis: null };
    return {
      ...topLevel(options, rows),
      transform,
      width: Math.min(options.width - 40, 180 * names.length),
      height: 84,
      layer: [
        {
          mark: { type: 'text', fontSize: 36, fontWeight: 'bold', baseline: 'alphabetic', color: '#1f3b57' },
          encoding: { x, y: { value: 44 }, text: { field: 'waarde_tekst' } },
        },
        {
          mark: { type: 'text', fontSize: 13, baseline: 'top', color: '#444' },
          encoding: { x, y: { value: 56 }, text: { field: 'naam_tekst' } },
        },
      ],
    } as TopLevelSpec;
  }
  const y = { field: options.name, type: 'nominal', sort: names, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } };
  return {
    ...topLevel(options, rows),
    transform,
    width: Math.max(200, options.width - 40),
    height: 70 * names.length,
    layer: [
      {
        mark: { type: 'text', fontSize: 30, fontWeight: 'bold', align: 'left', baseline: 'alphabetic', color: '#1f3b57', dy: 4 },
        encoding: { y, x: { value: 0 }, text: { field: 'waarde_tekst' } },
      },
      {
        mark: { type: 'text', fontSize: 13, align: 'left', baseline: 'top', color: '#444', dy: 10 },
        encoding: { y, x: { value: 0 }, text: { field: 'naam_tekst' } },
      },
    ],
  } as TopLevelSpec;
}
