// Leerlingstromen: per school year the way in (to more intensive support) next to the way back,
// direct entry into special education, the return ratio, and the full from → to matrix of a
// chosen school year.
import { COUNT_FORMAT, SETTINGS } from '../charts/common';
import { flowMatrixSpec } from '../charts/flow-matrix';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { categoryBarsSpec } from '../charts/category-bars';
import { survivalCurveSpec } from '../charts/survival-curve';
import { chart, type ChartId } from '../charts/catalog';
import { allowedDate, dateBounds } from '../date-rule';
import { formatDate } from '../format';
import { getLang, t } from '../i18n';
import { type ChartDefinition, ChartPanel, labelsFor, loadMeasure } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { selectPicker, toolbar } from '../ui/pickers';
import { choose, defaultDate, type PageContext, wholePeriod } from './page';

const WAY_IN = '#c9353a';
const WAY_BACK = '#0072B2';

export function renderLeerlingstromen(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('stromenTitle')), el('p', { class: 'intro' }, t('stromenIntro')));
  // Flows need two consecutive teldata, so the first school year has none.
  const schooljaren = info.schooljaren.slice(1);
  if (schooljaren.length === 0) {
    root.append(el('p', { class: 'empty' }, t('noDataYet')));
    return;
  }
  let schooljaar = choose(context.query, 'schooljaar', schooljaren, schooljaren.at(-1)!);

  const direction = (grafiek: ChartId, title: string, subtitle: string, kept: string[], valueTitle: string, format: string, colors: string[]): ChartDefinition => ({
    ...chart(grafiek),
    title,
    subtitle,
    load: () => loadMeasure('richting', {}, (row) => kept.includes(String(row.richting))),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: title,
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        series: 'richting',
        seriesOrder: kept,
        seriesColors: colors,
        valueTitle,
        valueFormat: format,
        showValues: true,
        seriesTitle: t('axisRichting'),
      }),
    table: { series: 'richting' },
    notes,
  });

  const heenTerug = direction('stromen-heen-terug', t('heenTerug'), t('heenTerugSub'), ['intensiever', 'minder-intensief'], t('axisLeerlingen'), COUNT_FORMAT, [WAY_IN, WAY_BACK]);
  const direct = direction('stromen-direct', t('directGespecialiseerd'), t('directGespecialiseerdSub'), ['direct-gespecialiseerd'], t('axisLeerlingen'), COUNT_FORMAT, ['#D55E00']);
  const ratio = direction('stromen-ratio', t('terugstroomRatio'), t('terugstroomRatioSub'), ['terugstroom-ratio'], t('axisRatio'), ',.2~f', ['#6b6b6b']);

  const matrix = (): ChartDefinition => ({
    ...chart('stromen-matrix'),
    title: t('stromenMatrix'),
    subtitle: t('stromenMatrixSub', { schooljaar }),
    load: async () => {
      const data = await loadMeasure('stromen', {}, (row) => row.schooljaar === schooljaar);
      // stromen takes no parameter; the school year is a choice of this chart, so it names the file.
      return { ...data, params: { schooljaar } };
    },
    spec: (data, width) =>
      flowMatrixSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('stromenMatrix'),
        order: [...SETTINGS, 'buiten'],
        fromTitle: t('axisVan'),
        toTitle: t('axisNaar'),
        valueTitle: t('axisLeerlingen'),
      }),
    table: { series: 'naar' },
    notes,
  });

  const border: ChartDefinition = {
    ...chart('stromen-grensverkeer'),
    title: t('grensverkeer'),
    subtitle: t('grensverkeerSub'),
    load: () => loadMeasure('grensverkeer'),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('grensverkeer'),
        x: 'datum',
        xIsDate: true,
        xTitle: t('axisTeldatum'),
        series: 'richting',
        seriesOrder: ['inkomend', 'uitgaand'],
        seriesColors: [WAY_BACK, WAY_IN],
        seriesTitle: t('axisRichting'),
        valueTitle: t('axisLeerlingen'),
        valueFormat: COUNT_FORMAT,
        showValues: true,
      }),
    table: { series: 'richting' },
    notes,
  };

  // The length of stay on the data's last day, said in the subtitle (the measure's own default).
  const peildatum = allowedDate(defaultDate(info), dateBounds(info, context.session.rol));
  const stay: ChartDefinition = {
    ...chart('stromen-verblijfsduur'),
    title: t('verblijfsduur'),
    subtitle: t('verblijfsduurSub', { datum: formatDate(peildatum, getLang()) }),
    load: () => loadMeasure('verblijfsduur', { peildatum }),
    spec: (data, width) =>
      categoryBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('verblijfsduur'),
        category: 'onderwijssoort',
        categoryTitle: t('axisOnderwijssoort'),
        valueTitle: t('axisDagen'),
        order: SETTINGS,
        colorBySetting: true,
        valueFormat: COUNT_FORMAT,
      }),
    notes,
  };

  // Beside the medians, the curve they are read from (the same Kaplan-Meier computation, the same peildatum).
  const stayCurve: ChartDefinition = {
    ...chart('stromen-verblijfsduur-curve'),
    title: t('verblijfsduurCurve'),
    subtitle: t('verblijfsduurCurveSub', { datum: formatDate(peildatum, getLang()) }),
    load: () => loadMeasure('verblijfsduur_curve', { peildatum }),
    spec: (data, width) =>
      survivalCurveSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('verblijfsduurCurve'),
        series: 'onderwijssoort',
        seriesOrder: SETTINGS,
        seriesTitle: t('axisOnderwijssoort'),
        xTitle: t('axisVerblijfDagen'),
        valueTitle: t('axisNogAanwezig'),
        halfLabel: t('curveHalf'),
      }),
    notes,
  };

  const panels = [heenTerug, direct, ratio].map((d) => new ChartPanel(d));
  const matrixPanel = new ChartPanel(matrix());
  const borderPanel = new ChartPanel(border);
  const stayPanel = new ChartPanel(stay);
  const stayCurvePanel = new ChartPanel(stayCurve);
  const choices = schooljaren.map((s) => ({ value: s, label: s }));
  root.append(
    panels[0]!.element,
    el('div', { class: 'panel-pair' }, panels[1]!.element, panels[2]!.element),
    toolbar(
      selectPicker('schooljaar', t('pickSchooljaar'), choices, schooljaar, (value) => {
        schooljaar = value;
        context.setQuery('schooljaar', value);
        void matrixPanel.update(matrix());
      }),
    ),
    matrixPanel.element,
    borderPanel.element,
    el('div', { class: 'panel-pair' }, stayPanel.element, stayCurvePanel.element),
  );
  for (const panel of [...panels, matrixPanel, borderPanel, stayPanel, stayCurvePanel]) void panel.update();
}
