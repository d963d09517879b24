// Voorzieningen: places, occupied places and the waiting list per provision on a chosen date, the
// occupancy rate against the 100% line, and the cost per school year.
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT } from '../charts/common';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { stackedBarsSpec } from '../charts/stacked-bars';
import { allowedDate, dateBounds } from '../date-rule';
import { formatDate } from '../format';
import { getLang, t, valueLabelMap } from '../i18n';
import { type ChartDefinition, ChartPanel, loadMeasure } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { datePicker, toolbar } from '../ui/pickers';
import { chooseDate, defaultDate, type PageContext, wholePeriod } from './page';

const CAPACITY = ['plaatsen', 'bezet', 'wachtend'];

export function renderVoorzieningen(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const labels = valueLabelMap();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('voorzieningenTitle')), el('p', { class: 'intro' }, t('voorzieningenIntro')));
  const bounds = dateBounds(info, context.session.rol);
  let at = allowedDate(chooseDate(context.query, 'at', defaultDate(info)), bounds);

  const capacity = (): ChartDefinition => ({
    grafiek: 'voorzieningen-capaciteit',
    measure: 'wachtlijst',
    title: t('capaciteit'),
    subtitle: t('capaciteitSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('wachtlijst', { at }, (row) => CAPACITY.includes(String(row.maat))),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels,
        description: t('capaciteit'),
        x: 'voorziening_id',
        xTitle: t('axisVoorziening'),
        series: 'maat',
        seriesOrder: CAPACITY,
        seriesColors: ['#b9c7d6', '#2f7fb8', '#e8731c'],
        valueTitle: t('axisPlaatsen'),
        valueFormat: COUNT_FORMAT,
        showValues: true,
      }),
    notes,
  });

  const occupancy = (): ChartDefinition => ({
    grafiek: 'voorzieningen-bezettingsgraad',
    measure: 'wachtlijst',
    title: t('bezettingsgraad'),
    subtitle: t('bezettingsgraadSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('wachtlijst', { at }, (row) => row.maat === 'bezettingsgraad'),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels,
        description: t('bezettingsgraad'),
        category: 'voorziening_id',
        categoryTitle: t('axisVoorziening'),
        valueTitle: t('axisProcent'),
        order: [...new Set(data.rows.map((r) => String(r.voorziening_id)))],
        referenceValue: 100,
      }),
    notes,
  });

  const cost: ChartDefinition = {
    grafiek: 'voorzieningen-kosten',
    measure: 'kosten',
    title: t('kosten'),
    subtitle: t('kostenSub'),
    // The total is the height of each stack; drawing it as a part would count it twice.
    load: () => loadMeasure('kosten', {}, (row) => row.voorziening_id !== 'totaal'),
    spec: (data, width) =>
      stackedBarsSpec(data.rows, {
        width,
        labels,
        description: t('kosten'),
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        part: 'voorziening_id',
        partTitle: t('axisVoorziening'),
        valueTitle: t('axisEuro'),
        valueFormat: '$,.0f',
      }),
    notes,
  };

  const capacityPanel = new ChartPanel(capacity());
  const occupancyPanel = new ChartPanel(occupancy());
  const costPanel = new ChartPanel(cost);
  root.append(
    toolbar(
      datePicker('at', t('pickDate'), at, (value) => {
        at = value;
        context.setQuery('at', value);
        void capacityPanel.update(capacity());
        void occupancyPanel.update(occupancy());
      }, bounds),
    ),
    capacityPanel.element,
    occupancyPanel.element,
    costPanel.element,
  );
  for (const panel of [capacityPanel, occupancyPanel, costPanel]) void panel.update();
}
