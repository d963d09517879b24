// Thuiszitters: active thuiszitters on a chosen date (number, per 1000 pupils, median duration),
// the trend over the teldata, and the breakdown per reason and per school on the chosen date.
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT } from '../charts/common';
import { keyFiguresSpec } from '../charts/key-figures';
import { smallMultiplesSpec } from '../charts/small-multiples';
import { allowedDate, dateBounds } from '../date-rule';
import { formatDate } from '../format';
import { getLang, t, type TextKey, valueLabelMap } from '../i18n';
import { type ChartDefinition, ChartPanel, loadMeasure, loadMeasureOnDates } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { datePicker, toolbar } from '../ui/pickers';
import { chooseDate, defaultDate, type PageContext, wholePeriod } from './page';

const FIGURES = ['actief', 'per1000', 'mediaan_weken'];

export function renderThuiszitters(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const labels = valueLabelMap();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('thuiszittersTitle')), el('p', { class: 'intro' }, t('thuiszittersIntro')));
  const bounds = dateBounds(info, context.session.rol);
  let at = allowedDate(chooseDate(context.query, 'at', defaultDate(info)), bounds);

  const onDate = (): ChartDefinition => ({
    grafiek: 'thuiszitters-datum',
    measure: 'thuiszitters',
    title: t('thuiszittersOpDatum'),
    subtitle: t('thuiszittersOpDatumSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('thuiszitters', { at }),
    spec: (data, width) => keyFiguresSpec(data.rows, { width, labels, description: t('thuiszittersOpDatum'), name: 'maat', order: FIGURES }),
    notes,
  });

  const trend: ChartDefinition = {
    grafiek: 'thuiszitters-trend',
    measure: 'thuiszitters',
    title: t('thuiszittersTrend'),
    subtitle: t('thuiszittersTrendSub'),
    load: () => loadMeasureOnDates('thuiszitters', info.teldata),
    spec: (data, width) =>
      smallMultiplesSpec(data.rows, {
        width,
        labels,
        description: t('thuiszittersTrend'),
        facet: 'maat',
        facetOrder: FIGURES,
        x: 'datum',
        xTitle: t('axisTeldatum'),
        valueTitle: t('axisWaarde'),
        columns: 3,
      }),
    notes,
  };

  const breakdown = (grafiek: string, measure: string, field: string, title: string, subtitle: TextKey, categoryTitle: string): (() => ChartDefinition) => () => ({
    grafiek,
    measure,
    title,
    subtitle: t(subtitle, { datum: formatDate(at, lang) }),
    load: () => loadMeasure(measure, { at }),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels,
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
    redenPanel.element,
    schoolPanel.element,
  );
  for (const panel of [datePanel, trendPanel, redenPanel, schoolPanel]) void panel.update();
}
