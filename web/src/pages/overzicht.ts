// Overzicht: pupil counts per setting on a chosen teldatum and over all teldata, participation
// rates, and growth against a chosen base year with the total (the demographic line) beside it and
// one setting's Poisson noise band around that line (charts/poisson-band.ts).
import { categoryBarsSpec } from '../charts/category-bars';
import { COUNT_FORMAT, SETTINGS } from '../charts/common';
import { growthIndexSpec } from '../charts/growth-index';
import { type BandRow, growthNoiseBand } from '../charts/poisson-band';
import { smallMultiplesSpec } from '../charts/small-multiples';
import { timeLinesSpec } from '../charts/time-lines';
import { formatDate } from '../format';
import { chart } from '../charts/catalog';
import { getLang, t } from '../i18n';
import { type ChartDefinition, ChartPanel, labelsFor, loadMeasure } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { selectPicker, toolbar } from '../ui/pickers';
import { choose, type PageContext, wholePeriod } from './page';
import { schoolVsRegion } from './school-vs-region';

const SETTINGS_AND_TOTAL = [...SETTINGS, 'totaal'];

export function renderOverzicht(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const lang = getLang();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('overzichtTitle')), el('p', { class: 'intro' }, t('overzichtIntro')));
  if (info.teldata.length === 0) {
    root.append(el('p', { class: 'empty' }, t('noDataYet')));
    return;
  }
  const years = info.teldata.map((d) => d.slice(0, 4));
  let at = choose(context.query, 'at', info.teldata, info.teldata.at(-1)!);
  let ijkjaar = choose(context.query, 'ijkjaar', years, years[0]!);
  // The setting whose Poisson band is drawn around the demographic line (docs/dashboard.md).
  let band = choose(context.query, 'band', [...SETTINGS, 'geen'], 'vso');

  const countsOnDate = (): ChartDefinition => ({
    ...chart('overzicht-leerlingen'),
    title: t('leerlingenOpDatum'),
    subtitle: t('leerlingenOpDatumSub', { datum: formatDate(at, lang) }),
    load: () => loadMeasure('leerlingen', { at }),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('leerlingenOpDatum'),
        category: 'onderwijssoort',
        categoryTitle: t('axisOnderwijssoort'),
        valueTitle: t('axisLeerlingen'),
        order: SETTINGS_AND_TOTAL,
        colorBySetting: true,
        valueFormat: COUNT_FORMAT,
      }),
    table: { series: 'onderwijssoort' },
    notes,
  });

  const countsOverTime: ChartDefinition = {
    ...chart('overzicht-leerlingen-tijd'),
    title: t('leerlingenTijd'),
    subtitle: t('leerlingenTijdSub'),
    load: () => loadMeasure('leerlingen'),
    spec: (data, width) =>
      smallMultiplesSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('leerlingenTijd'),
        facet: 'onderwijssoort',
        facetOrder: SETTINGS_AND_TOTAL,
        x: 'datum',
        xTitle: t('axisTeldatum'),
        valueTitle: t('axisLeerlingen'),
        valueFormat: COUNT_FORMAT,
        columns: 4,
      }),
    table: { series: 'onderwijssoort' },
    notes,
  };

  const participation: ChartDefinition = {
    ...chart('overzicht-deelname'),
    title: t('deelname'),
    subtitle: t('deelnameSub'),
    load: () => loadMeasure('deelname'),
    spec: (data, width) =>
      timeLinesSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('deelname'),
        x: 'datum',
        xTitle: t('axisTeldatum'),
        series: 'onderwijssoort',
        seriesOrder: SETTINGS,
        valueTitle: t('axisProcent'),
        seriesTitle: t('axisOnderwijssoort'),
      }),
    table: { series: 'onderwijssoort' },
    notes,
  };

  const growth = (): ChartDefinition => {
    // The band needs the setting's count on the base date (leerlingen, which the chart of every
    // teldatum asks too), computed once the data is in, so the spec stays a function of it.
    const setting = band;
    let noiseBand: BandRow[] = [];
    return {
      ...chart('overzicht-ontwikkeling'),
      title: t('ontwikkeling'),
      subtitle: `${t('ontwikkelingSub', { jaar: ijkjaar })}${setting === 'geen' ? '' : ` ${t('ontwikkelingBand', { soort: setting })}`}`,
      load: async () => {
        const [data, counts] = await Promise.all([loadMeasure('ontwikkeling', { ijkjaar }), setting === 'geen' ? null : loadMeasure('leerlingen')]);
        noiseBand = counts ? growthNoiseBand(data.rows, counts.rows, ijkjaar, setting) : [];
        return data;
      },
      spec: (data, width) =>
        growthIndexSpec(data.rows, {
          band: noiseBand,
          bandTitles: [t('bandLaag'), t('bandHoog')],
          width,
          labels: labelsFor(data),
          description: t('ontwikkeling'),
          series: 'onderwijssoort',
          seriesOrder: SETTINGS_AND_TOTAL,
          xTitle: t('axisTeldatum'),
          valueTitle: t('axisGroei'),
          seriesTitle: t('axisOnderwijssoort'),
        }),
      table: { series: 'onderwijssoort' },
      notes,
    };
  };

  const twoYears: ChartDefinition = {
    ...chart('overzicht-leerlingen-2jaar'),
    title: t('leerlingen2jaar'),
    subtitle: t('leerlingen2jaarSub'),
    load: () => loadMeasure('leerlingen_2jaar'),
    spec: (data, width) =>
      growthIndexSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('leerlingen2jaar'),
        series: 'onderwijssoort',
        seriesOrder: SETTINGS_AND_TOTAL,
        xTitle: t('axisTeldatum'),
        valueTitle: t('axisVerandering'),
        value: 'procent',
        seriesTitle: t('axisOnderwijssoort'),
      }),
    table: { series: 'onderwijssoort', values: ['verschil', 'procent'] },
    notes,
  };

  const countsPanel = new ChartPanel(countsOnDate());
  // A school user: their vestiging beside the SWV (or what the selection bar shows).
  const schoolPanel = ((d) => (d ? new ChartPanel(d) : null))(schoolVsRegion(context.session, at, notes));
  const timePanel = new ChartPanel(countsOverTime);
  const participationPanel = new ChartPanel(participation);
  const growthPanel = new ChartPanel(growth());
  const twoYearsPanel = new ChartPanel(twoYears);

  const teldatumChoices = info.teldata.map((d) => ({ value: d, label: formatDate(d, lang) }));
  const yearChoices = years.map((y) => ({ value: y, label: y }));
  root.append(
    toolbar(
      selectPicker('at', t('pickTeldatum'), teldatumChoices, at, (value) => {
        at = value;
        context.setQuery('at', value);
        void countsPanel.update(countsOnDate());
        const school = schoolVsRegion(context.session, at, notes);
        if (schoolPanel && school) void schoolPanel.update(school);
      }),
    ),
    countsPanel.element,
    schoolPanel?.element ?? '',
    timePanel.element,
    participationPanel.element,
    toolbar(
      selectPicker('ijkjaar', t('pickIjkjaar'), yearChoices, ijkjaar, (value) => {
        ijkjaar = value;
        context.setQuery('ijkjaar', value);
        void growthPanel.update(growth());
      }),
      selectPicker('band', t('pickBand'), [...SETTINGS.map((s) => ({ value: s, label: s })), { value: 'geen', label: t('bandGeen') }], band, (value) => {
        band = value;
        context.setQuery('band', value);
        void growthPanel.update(growth());
      }),
    ),
    growthPanel.element,
    twoYearsPanel.element,
  );
  for (const panel of [countsPanel, schoolPanel, timePanel, participationPanel, growthPanel, twoYearsPanel]) void panel?.update();
}
