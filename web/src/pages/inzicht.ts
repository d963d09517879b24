// Inzicht: what the numbers say about the region's choices (seed 004's method, inzicht.md). Each
// route's change since an ijkjaar against its sector's demography with the Poisson verdict, the
// region's participation beside the nation's, the so/vso clusters and the vo/vso levels on the
// latest teldatum, the hypotheses with their evidence (hypotheses-section.ts), and the data-quality
// findings behind every number. The theme-7 table (theme7-table.ts) stands under the chart it tabulates.
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT, isSuppressed, NUMBER_FORMAT } from '../charts/common';
import { chart } from '../charts/catalog';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { SERIES_PALETTE } from '../charts/palette';
import { timeLinesSpec } from '../charts/time-lines';
import { formatDate } from '../format';
import { getLang, t, valueLabelMap } from '../i18n';
import type { Row } from '../types';
import { type ChartDefinition, ChartPanel, labelsFor, loadMeasure } from '../ui/chart-panel';
import { clear, el } from '../ui/dom';
import { selectPicker, toolbar } from '../ui/pickers';
import { hypothesesSection } from './hypotheses-section';
import { choose, errorText, type PageContext, wholePeriod } from './page';
import { themeSevenRows, themeSevenSection, themeSevenTable } from './theme7-table';

const CLUSTERS = ['1', '2', '3', '4', 'onbekend'];
const NIVEAUS = ['brug', 'vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo', 'vervolgonderwijs', 'arbeidsmarkt', 'dagbesteding', 'onbekend'];
const GROUPS = ['bao', 'sbo', 'so', 'vo', 'pro', 'vso', 'isk', 'so-1', 'so-2', 'so-3', 'so-4', 'vso-1', 'vso-2', 'vso-3', 'vso-4'];

/** The rows of the latest date among them. */
function latestRows(rows: readonly Row[]): Row[] {
  const latest = rows.reduce((max, row) => (String(row.datum) > max ? String(row.datum) : max), '');
  return rows.filter((row) => row.datum === latest);
}

/**
 * kwaliteit's rows per school, the findings added up. A school whose one finding is a suppressed
 * count (1–4) is drawn as `<5`, as every chart draws one; a sum with a suppressed part is unknown
 * and left out (the table gives each finding).
 */
export function findingsPerSchool(rows: readonly Row[]): Row[] {
  const schools = new Map<string, { sum: number; numbers: number; hidden: number }>();
  for (const row of rows) {
    const school = String(row.vestiging_id ?? '');
    if (!school || school === 'totaal') continue;
    const entry = schools.get(school) ?? { sum: 0, numbers: 0, hidden: 0 };
    if (typeof row.aantal === 'number') {
      entry.sum += row.aantal;
      entry.numbers += 1;
    } else entry.hidden += 1; // "<5", or a count the published table hides
    schools.set(school, entry);
  }
  return [...schools].flatMap(([vestiging_id, e]): Row[] => {
    if (e.hidden === 0) return [{ vestiging_id, waarde: e.sum }];
    const cell = rows.find((r) => r.vestiging_id === vestiging_id)?.aantal;
    return e.hidden === 1 && e.numbers === 0 && isSuppressed(cell) ? [{ vestiging_id, waarde: cell }] : [];
  });
}

/** vergelijking's wide rows (regio, gebied per onderwijssoort) as one line per setting and area. */
function comparisonLines(rows: readonly Row[], gebied: string): Row[] {
  return rows.flatMap((row) =>
    (['regio', 'gebied'] as const)
      .filter((side) => typeof row[side] === 'number')
      .map((side) => ({ datum: row.datum, reeks: `${row.onderwijssoort} · ${side === 'regio' ? t('inzichtRegio') : gebied}`, waarde: row[side] })),
  );
}

export function renderInzicht(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('inzichtTitle')), el('p', { class: 'intro' }, t('inzichtIntro')));
  if (info.teldata.length === 0) {
    root.append(el('p', { class: 'empty' }, t('noDataYet')));
    return;
  }
  const years = info.teldata.map((d) => d.slice(0, 4));
  let ijkjaar = choose(context.query, 'ijkjaar', years, years[0]!);
  const latest = formatDate(info.teldata.at(-1)!, lang);

  const expectation = (): ChartDefinition => ({
    ...chart('inzicht-verwachting'),
    title: t('inzichtVerwachting'),
    subtitle: t('inzichtVerwachtingSub', { jaar: ijkjaar, datum: latest }),
    load: () => loadMeasure('verwachting', { ijkjaar }),
    spec: (data, width) =>
      categoryBarsSpec(
        latestRows(data.rows)
          .filter((row) => typeof row.verschil_pct === 'number')
          .map((row) => ({ groep: row.groep, waarde: row.verschil_pct, oordeel: row.oordeel })),
        {
          width,
          labels: labelsFor(data),
          description: t('inzichtVerwachting'),
          category: 'groep',
          categoryTitle: t('inzichtGroep'),
          valueTitle: t('inzichtVerschil'),
          order: GROUPS,
          valueFormat: NUMBER_FORMAT,
          referenceValue: 0,
        },
      ),
    notes,
  });

  // The theme-7 table: verwachting's rows on the latest teldatum with the counts on the base date.
  const theme = themeSevenSection();
  const showThemeTable = async (): Promise<void> => {
    const year = ijkjaar;
    theme.element.dataset.state = 'loading';
    try {
      const [expected, counts, clusters, niveaus] = await Promise.all(
        [loadMeasure('verwachting', { ijkjaar: year }), loadMeasure('leerlingen'), loadMeasure('leerlingen_cluster'), loadMeasure('leerlingen_niveau')],
      );
      if (year !== ijkjaar) return; // another year was chosen meanwhile
      const rows = themeSevenRows(expected.rows, counts.rows, clusters.rows, niveaus.rows, year);
      clear(theme.body);
      theme.body.append(themeSevenTable(rows, valueLabelMap(), t('theme7Caption', { jaar: year, datum: latest }), lang));
      theme.element.querySelector('.subtitle')!.textContent = t('theme7Sub', { jaar: year, datum: latest });
      theme.element.dataset.state = 'ready';
    } catch (error) {
      clear(theme.body);
      theme.body.append(el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')}: ${errorText(error)}`));
      theme.element.dataset.state = 'error';
    }
  };

  // The area to compare against: NL unless another gebied of tellingen is chosen.
  const areas = info.gebieden?.length ? info.gebieden : ['NL'];
  let gebied = choose(context.query, 'gebied', areas, areas.includes('NL') ? 'NL' : areas[0]!);
  const comparison = (): ChartDefinition => ({
    ...chart('inzicht-vergelijking'),
    title: t('inzichtVergelijking', { gebied }),
    subtitle: t('inzichtVergelijkingSub', { gebied }),
    load: () => loadMeasure('vergelijking', gebied === 'NL' ? {} : { gebied }),
    spec: (data, width) => {
      const lines = comparisonLines(data.rows, gebied);
      return timeLinesSpec(lines, {
        width,
        labels: labelsFor(data),
        description: t('inzichtVergelijking', { gebied }),
        x: 'datum',
        xTitle: t('axisTeldatum'),
        series: 'reeks',
        seriesOrder: [...new Set(lines.map((row) => String(row.reeks)))],
        valueTitle: t('inzichtDeelname'),
        valueFormat: NUMBER_FORMAT,
      });
    },
    notes,
  });

  const barsOnLatest = (grafiek: 'inzicht-clusters' | 'inzicht-niveaus', measure: string, x: string, order: string[], series: string[], title: string): ChartDefinition => ({
    ...chart(grafiek),
    title,
    subtitle: t('inzichtOpDatum', { datum: latest }),
    load: () => loadMeasure(measure, { at: info.teldata.at(-1)! }),
    spec: (data, width) =>
      groupedBarsSpec(latestRows(data.rows), {
        width,
        labels: labelsFor(data),
        description: title,
        x,
        xTitle: t(x === 'cluster' ? 'inzichtCluster' : 'inzichtNiveau'),
        xOrder: order,
        series: 'onderwijssoort',
        seriesOrder: series,
        seriesColors: SERIES_PALETTE,
        valueTitle: t('axisLeerlingen'),
        valueFormat: COUNT_FORMAT,
      }),
    table: { series: 'onderwijssoort' },
    notes,
  });

  const quality: ChartDefinition = {
    ...chart('inzicht-kwaliteit'),
    title: t('inzichtKwaliteit'),
    subtitle: t('inzichtKwaliteitSub'),
    load: () => loadMeasure('kwaliteit', {}),
    // The findings per school, added up (the table and the CSV give each finding, the totals and
    // the findings tied to no school).
    spec: (data, width) =>
      categoryBarsSpec(findingsPerSchool(data.rows), {
        width,
        labels: labelsFor(data),
        description: t('inzichtKwaliteit'),
        category: 'vestiging_id',
        categoryTitle: t('inzichtSchool'),
        valueTitle: t('inzichtAantal'),
        valueFormat: COUNT_FORMAT,
      }),
    table: { series: 'bevinding', values: ['aantal'] },
    notes,
  };

  const expectationPanel = new ChartPanel(expectation());
  const comparisonPanel = new ChartPanel(comparison());
  const clusterPanel = new ChartPanel(barsOnLatest('inzicht-clusters', 'leerlingen_cluster', 'cluster', CLUSTERS, ['so', 'vso'], t('inzichtClusters')));
  const niveauPanel = new ChartPanel(barsOnLatest('inzicht-niveaus', 'leerlingen_niveau', 'niveau', NIVEAUS, ['vo', 'vso'], t('inzichtNiveaus')));
  const qualityPanel = new ChartPanel(quality);
  const yearChoices = years.map((y) => ({ value: y, label: y }));
  root.append(
    toolbar(
      selectPicker('ijkjaar', t('pickIjkjaar'), yearChoices, ijkjaar, (value) => {
        ijkjaar = value;
        context.setQuery('ijkjaar', value);
        void expectationPanel.update(expectation());
        void showThemeTable();
      }),
    ),
    expectationPanel.element,
    theme.element,
    toolbar(
      selectPicker('gebied', t('pickGebied'), areas.map((a) => ({ value: a, label: a })), gebied, (value) => {
        gebied = value;
        context.setQuery('gebied', value);
        void comparisonPanel.update(comparison());
      }),
    ),
    comparisonPanel.element,
    clusterPanel.element,
    niveauPanel.element,
    hypothesesSection(context.session.rol),
    qualityPanel.element,
  );
  void showThemeTable();
  for (const panel of [expectationPanel, comparisonPanel, clusterPanel, niveauPanel, qualityPanel]) void panel.update();
}
