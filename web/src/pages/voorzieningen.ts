// Voorzieningen: places, occupied places and the waiting list per provision on a chosen date, the
// occupancy rate against the 100% line, and the cost per school year.
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT } from '../charts/common';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { stackedBarsSpec } from '../charts/stacked-bars';
import { allowedDate, dateBounds } from '../date-rule';
import { formatDate } from '../format';
import { chart } from '../charts/catalog';
import { NEUTRAL, SERIES_PALETTE } from '../charts/palette';
import { getLang, t } from '../i18n';
import { type ChartDefinition, ChartPanel, labelsFor, loadMeasure } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { datePicker, toolbar } from '../ui/pickers';
import { chooseDate, defaultDate, type PageContext, wholePeriod } from './page';

const CAPACITY = ['plaatsen', 'bezet', 'wachtend'];

export function renderVoorzieningen(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('voorzieningenTitle')), el('p', { class: 'intro' }, t('voorzieningenIntro')));
  const bounds = dateBounds(info, context.session.rol);
  let at = allowedDate(chooseDate(context.query, 'at', defaultDate(info)), bounds);

  const capacity = (): ChartDefinition => ({
    ...chart('voorzieningen-capaciteit'),
    title: t('capaciteit'),
    subtitle: t('capaciteitSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('wachtlijst', { at }, (row) => CAPACITY.includes(String(row.maat))),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('capaciteit'),
        x: 'voorziening_id',
        xTitle: t('axisVoorziening'),
        series: 'maat',
        seriesOrder: CAPACITY,
        seriesColors: [NEUTRAL, SERIES_PALETTE[0], SERIES_PALETTE[1]],
        seriesTitle: t('axisMaat'),
        valueTitle: t('axisPlaatsen'),
        valueFormat: COUNT_FORMAT,
        showValues: true,
      }),
    table: { series: 'maat' },
    notes,
  });

  const occupancy = (): ChartDefinition => ({
    ...chart('voorzieningen-bezettingsgraad'),
    title: t('bezettingsgraad'),
    subtitle: t('bezettingsgraadSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('wachtlijst', { at }, (row) => row.maat === 'bezettingsgraad'),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
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
    ...chart('voorzieningen-kosten'),
    title: t('kosten'),
    subtitle: t('kostenSub'),
    // The total is the height of each stack; drawing it as a part would count it twice.
    load: () => loadMeasure('kosten', {}, (row) => row.voorziening_id !== 'totaal'),
    spec: (data, width) =>
      stackedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('kosten'),
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        part: 'voorziening_id',
        partTitle: t('axisVoorziening'),
        valueTitle: t('axisEuro'),
        valueFormat: '$,.0f',
      }),
    table: { series: 'voorziening_id' },
    notes,
  };

  const tlvs: ChartDefinition = {
    ...chart('voorzieningen-tlv-toegekend'),
    title: t('tlvToegekend'),
    subtitle: t('tlvToegekendSub'),
    // As for the cost: the total is the height of each stack, so its rows are not drawn as a part.
    load: () => loadMeasure('tlv_toegekend', {}, (row) => row.categorie !== 'totaal'),
    spec: (data, width) =>
      stackedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('tlvToegekend'),
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        part: 'categorie',
        partTitle: t('axisCategorie'),
        partOrder: ['sbo', 'laag', 'midden', 'hoog', 'onbekend'],
        valueTitle: t('axisTlvs'),
        valueFormat: COUNT_FORMAT,
      }),
    table: { series: 'categorie' },
    notes,
  };

  const mayJuly: ChartDefinition = {
    ...chart('voorzieningen-tlv-mei-juli'),
    title: t('tlvMeiJuli'),
    subtitle: t('tlvMeiJuliSub'),
    load: () => loadMeasure('tlv_aanvragen_mei_juli', {}, (row) => row.maat === 'aandeel'),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('tlvMeiJuli'),
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        series: 'maat',
        seriesOrder: ['aandeel'],
        seriesColors: [SERIES_PALETTE[2]],
        valueTitle: t('axisProcent'),
        showValues: true,
      }),
    table: { series: 'maat' },
    notes,
  };

  const capacityPanel = new ChartPanel(capacity());
  const occupancyPanel = new ChartPanel(occupancy());
  const costPanel = new ChartPanel(cost);
  const tlvPanel = new ChartPanel(tlvs);
  const mayJulyPanel = new ChartPanel(mayJuly);
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
    tlvPanel.element,
    mayJulyPanel.element,
  );
  for (const panel of [capacityPanel, occupancyPanel, costPanel, tlvPanel, mayJulyPanel]) void panel.update();
}
