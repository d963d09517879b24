// The theme-7 table of the Inzicht page (seed 004): per route its change since the ijkjaar, the
// demographic line (its sector's change), the difference and the Poisson verdict on the latest
// teldatum. The settings and clusters are verwachting's rows as the API gives them; the change and
// the demographic line need the route's count on the base date (leerlingen, leerlingen_cluster),
// and the niveau rows, which verwachting does not have, apply verwachting's definition (inzicht.md)
// to leerlingen_niveau with the vo sector's ratio, here in the web (docs/dashboard.md).
import { poissonNoiseRange } from '../charts/poisson-band';
import { type Lang } from '../format';
import { t } from '../i18n';
import type { Cell, Row } from '../types';
import { dataTable } from '../ui/data-table';
import { el } from '../ui/dom';

/** The settings of each sector (domain.md), in the order their ratio is looked for. */
const PO = ['bao', 'sbo', 'so'];
const VO = ['vo', 'pro', 'vso', 'isk'];

export type Verdict = 'boven' | 'onder' | 'ruis';

export interface ThemeRow {
  /** The route: a setting, a setting with a cluster (so-3) or vo/vso with a niveau (vo havo). */
  groep: string;
  waargenomen: Cell;
  /** 100 × (waargenomen / base count − 1). */
  verandering: number | null;
  /** 100 × (sector now / sector on the base date − 1), from verwacht / base count of a setting of the sector. */
  demografie: number | null;
  verschil: number | null;
  oordeel: Verdict | null;
  /** Computed here from leerlingen_niveau (not one of verwachting's rows). */
  berekend: boolean;
}

const num = (cell: Cell | undefined): number | null => (typeof cell === 'number' ? cell : null);
const change = (now: number | null, base: number | null): number | null => (now !== null && base !== null && base > 0 ? 100 * (now / base - 1) : null);

/** The Poisson verdict of inzicht.md: outside the counts a mean-`expected` Poisson calls noise. */
export function poissonVerdict(observed: number, expected: number): Verdict {
  const [low, high] = poissonNoiseRange(expected);
  return observed > high ? 'boven' : observed < low ? 'onder' : 'ruis';
}

/** The latest date of the rows. */
export function latestDate(rows: readonly Row[]): string {
  return rows.reduce((max, row) => (String(row.datum) > max ? String(row.datum) : max), '');
}

/**
 * The table's rows on the latest teldatum of verwachting's rows: its settings and clusters in
 * its order, then the niveaus of vo and vso. `counts` are leerlingen's rows, `clusters`
 * leerlingen_cluster's and `niveaus` leerlingen_niveau's, each on (at least) the base date and the latest date.
 */
export function themeSevenRows(expectation: readonly Row[], counts: readonly Row[], clusters: readonly Row[], niveaus: readonly Row[], ijkjaar: string): ThemeRow[] {
  const base = `${ijkjaar}-10-01`;
  const latest = latestDate(expectation);
  const baseCount = (groep: string): number | null => {
    const [setting, cluster] = groep.split('-');
    if (cluster === undefined) return num(counts.find((r) => r.datum === base && r.onderwijssoort === setting)?.waarde);
    return num(clusters.find((r) => r.datum === base && r.onderwijssoort === setting && r.cluster === cluster)?.waarde);
  };
  // A sector's ratio since the base date (sector now / sector then = verwacht / base count), from
  // its first setting whose base count is shown: the demographic line of every route of the sector.
  // (A cluster's base count may be hidden by the suppression of leerlingen_cluster; its line is the sector's.)
  const sectorRatio = (settings: readonly string[]): number | null =>
    settings
      .map((g) => {
        const expected = num(expectation.find((x) => x.datum === latest && x.groep === g)?.verwacht);
        const n0 = baseCount(g);
        return expected !== null && n0 !== null && n0 > 0 ? expected / n0 : null;
      })
      .find((ratio) => ratio !== null) ?? null;
  const ratios = { po: sectorRatio(PO), vo: sectorRatio(VO) };
  const lineOf = (groep: string): number | null => {
    const ratio = ratios[PO.includes(groep.split('-')[0]!) ? 'po' : 'vo'];
    return ratio === null ? null : 100 * (ratio - 1);
  };
  const rows: ThemeRow[] = expectation
    .filter((r) => r.datum === latest)
    .map((r) => {
      const groep = String(r.groep);
      const oordeel = r.oordeel === 'boven' || r.oordeel === 'onder' || r.oordeel === 'ruis' ? r.oordeel : null;
      return {
        groep,
        waargenomen: r.waargenomen ?? null,
        verandering: change(num(r.waargenomen), baseCount(groep)),
        // Only where verwachting has an expectation (its base count and its sector's were not 0).
        demografie: num(r.verwacht) === null ? null : lineOf(groep),
        verschil: num(r.verschil_pct),
        oordeel,
        berekend: false,
      };
    });
  const voRatio = ratios.vo;
  for (const r of niveaus.filter((x) => x.datum === latest)) {
    const n0 = num(niveaus.find((x) => x.datum === base && x.onderwijssoort === r.onderwijssoort && x.niveau === r.niveau)?.waarde);
    const observed = num(r.waarde);
    const expected = voRatio !== null && n0 !== null && n0 > 0 ? n0 * voRatio : null;
    rows.push({
      groep: `${String(r.onderwijssoort)} ${String(r.niveau)}`,
      waargenomen: r.waarde ?? null,
      verandering: change(observed, n0),
      demografie: expected === null || voRatio === null ? null : 100 * (voRatio - 1),
      verschil: expected !== null && observed !== null && expected > 0 ? 100 * (observed / expected - 1) : null,
      oordeel: expected !== null && observed !== null ? poissonVerdict(observed, expected) : null,
      berekend: true,
    });
  }
  return rows;
}

/** A percentage with its sign and one decimal (+1,2 / −3,6), or the dash of an empty cell. */
export function signedPercent(value: number | null, lang: Lang): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** "vso (…)", "vso, cluster 3", "vo, havo *" (the star: computed here, see the note under the table). */
function routeLabel(r: ThemeRow, labels: Record<string, string>): string {
  if (r.berekend) {
    const [setting, niveau] = r.groep.split(' ');
    return `${setting}, ${labels[niveau ?? ''] ?? niveau} *`;
  }
  const [setting, cluster] = r.groep.split('-');
  return cluster === undefined ? (labels[r.groep] ?? r.groep) : `${setting}, ${t('inzichtCluster')} ${cluster}`;
}

const VERDICT_TEXT = { boven: 'verdictBoven', onder: 'verdictOnder', ruis: 'verdictRuis' } as const;

/** The table (caption, headers, one row per route), the verdict in words. */
export function themeSevenTable(rows: readonly ThemeRow[], labels: Record<string, string>, caption: string, lang: Lang): HTMLTableElement {
  const table = dataTable(
    {
      headers: [t('theme7Route'), t('theme7Waargenomen'), t('theme7Verandering'), t('theme7Demografie'), t('theme7Verschil'), t('theme7Oordeel')],
      numeric: [false, true, true, true, true, false],
      rows: rows.map((r) => [
        routeLabel(r, labels),
        r.waargenomen,
        signedPercent(r.verandering, lang),
        signedPercent(r.demografie, lang),
        signedPercent(r.verschil, lang),
        r.oordeel ? t(VERDICT_TEXT[r.oordeel]) : t('verdictNone'),
      ]),
    },
    caption,
    lang,
  );
  // The verdict as a code too, for styling and for the tests (the text is translated).
  table.querySelectorAll('tbody tr').forEach((tr, i) => {
    const r = rows[i]!;
    tr.setAttribute('data-groep', r.groep);
    if (r.oordeel) tr.setAttribute('data-oordeel', r.oordeel);
    tr.lastElementChild?.classList.add(`oordeel-${r.oordeel ?? 'leeg'}`);
  });
  return table;
}

/** The section holding the table, in a frame that scrolls on a phone, with a note under it. */
export function themeSevenSection(): { element: HTMLElement; body: HTMLElement } {
  const body = el('div', { class: 'table-view theme7-table', tabindex: 0, role: 'region', 'aria-labelledby': 'titel-thema7' });
  const element = el(
    'section',
    { class: 'section-box theme7', 'aria-labelledby': 'titel-thema7', 'data-state': 'loading' },
    el('h2', { id: 'titel-thema7' }, t('theme7Title')),
    el('p', { class: 'subtitle' }, t('theme7Sub')),
    body,
    el('p', { class: 'caption' }, t('theme7Note')),
  );
  return { element, body };
}
