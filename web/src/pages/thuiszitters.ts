// Thuiszitters: active thuiszitters on a chosen date (number, per 1000 pupils, median duration),
// the trend over the teldata, and the breakdown per reason and per school on the chosen date.
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT } from '../charts/common';
import { keyFiguresSpec } from '../charts/key-figures';
import { smallMultiplesSpec } from '../charts/small-multiples';
import { allowedDate, dateBounds } from '../date-rule';
import { formatDate } from '../format';
import { changeBarsSpec } from '../charts/change-bars';
import { chart, type ChartId } from '../charts/catalog';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { SERIES_PALETTE } from '../charts/palette';
import { getLang, t, type TextKey } from '../i18n';
import { type ChartDefinition, ChartPanel, labelsFor, loadMeasure, loadMeasureOnDates } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { datePicker, toolbar } from '../ui/pickers';
import { chooseDate, defaultDate, type PageContext, wholePeriod } from './page';

const FIGURES = ['actief', 'per1000', 'mediaan_weken'];

export function renderThuiszitters(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('thuiszittersTitle')), el('p', { class: 'intro' }, t('thuiszittersIntro')));
  const bounds = dateBounds(info, context.session.rol);
  // One reference date for the page: by default the latest teldatum (1 October), the date the
  // trend ends on, so the headline and the trend's last point agree; every subtitle says its date.
  const lastTeldatum = info.teldata.at(-1);
  let at = allowedDate(chooseDate(context.query, 'at', lastTeldatum ?? defaultDate(info)), bounds);

  const onDate = (): ChartDefinition => ({
    ...chart('thuiszitters-datum'),
    title: t('thuiszittersOpDatum'),
    subtitle: t('thuiszittersOpDatumSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('thuiszitters', { at }),
    spec: (data, width) => keyFiguresSpec(data.rows, { width, labels: labelsFor(data), description: t('thuiszittersOpDatum'), name: 'maat', order: FIGURES }),
    table: { series: 'maat' },
    notes,
  });

  const trend: ChartDefinition = {
    ...chart('thuiszitters-trend'),
    title: t('thuiszittersTrend'),
    subtitle: t('thuiszittersTrendSub', { datum: lastTeldatum ? formatDate(lastTeldatum, lang) : '–' }),
    load: () => loadMeasureOnDates('thuiszitters', info.teldata),
    spec: (data, width) =>
      smallMultiplesSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('thuiszittersTrend'),
        facet: 'maat',
        facetOrder: FIGURES,
        x: 'datum',
        xTitle: t('axisTeldatum'),
        valueTitle: t('axisWaarde'),
        columns: 3,
      }),
    table: { series: 'maat' },
    notes,
  };

  const twoYears: ChartDefinition = {
    ...chart('thuiszitters-2jaar'),
    title: t('thuiszitters2jaar'),
    subtitle: t('thuiszitters2jaarSub'),
    load: () => loadMeasure('thuiszitters_2jaar'),
    spec: (data, width) =>
      changeBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('thuiszitters2jaar'),
        x: 'datum',
        xTitle: t('axisTeldatum'),
        value: 'procent',
        valueTitle: t('axisVerandering'),
      }),
    notes,
  };

  const reports: ChartDefinition = {
    ...chart('thuiszitters-meldingen'),
    title: t('meldingen'),
    subtitle: t('meldingenSub'),
    load: () => loadMeasure('thuiszitter_meldingen'),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('meldingen'),
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        series: 'maat',
        seriesOrder: ['geopend', 'gesloten'],
        seriesColors: [SERIES_PALETTE[1], SERIES_PALETTE[0]],
        seriesTitle: t('axisMaat'),
        valueTitle: t('axisMeldingen'),
        valueFormat: COUNT_FORMAT,
        showValues: true,
      }),
    table: { series: 'maat' },
    notes,
  };

  const breakdown = (grafiek: ChartId, measure: string, field: string, title: string, subtitle: TextKey, categoryTitle: string): (() => ChartDefinition) => () => ({
    ...chart(grafiek),
    title,
    subtitle: t(subtitle, { datum: formatDate(at, lang) }),
    load: () => loadMeasure(measure, { at }),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: title,
        category: field,
        categoryTitle,
        valueTitle: t('axisLeerlingen'),
        valueFormat: COUNT_FORMAT,
      }),
    notes,
  });
  const perReden = breakdown('thuiszitters-per-reden', 'thuiszitters_per_reden', 'reden', t('thuiszittersPerReden'), 'thuiszittersPerRedenSub', t('axisReden'));
  const perSchool = breakdown('thuiszitters-per-school', 'thuiszitters_per_school', 'vestiging_id', t('thuiszittersPerSchool'), 'thuiszittersPerSchoolSub', t('axisVestiging'));

  const datePanel = new ChartPanel(onDate());
  const trendPanel = new ChartPanel(trend);
  const redenPanel = new ChartPanel(perReden());
  const schoolPanel = new ChartPanel(perSchool());
  const twoYearsPanel = new ChartPanel(twoYears);
  const reportsPanel = new ChartPanel(reports);
  root.append(
    toolbar(
      datePicker('at', t('pickDate'), at, (value) => {
        at = value;
        context.setQuery('at', value);
        void datePanel.update(onDate());
        void redenPanel.update(perReden());
        void schoolPanel.update(perSchool());
      }, bounds),
    ),
    datePanel.element,
    trendPanel.element,
    twoYearsPanel.element,
    redenPanel.element,
    schoolPanel.element,
    reportsPanel.element,
  );
  for (const panel of [datePanel, trendPanel, twoYearsPanel, redenPanel, schoolPanel, reportsPanel]) void panel.update();
}
