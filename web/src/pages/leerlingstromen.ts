// Leerlingstromen: per school year the way in (to more intensive support) next to the way back,
// direct entry into special education, the return ratio, and the full from → to matrix of a
// chosen school year.
import { COUNT_FORMAT, SETTINGS } from '../charts/common';
import { flowMatrixSpec } from '../charts/flow-matrix';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { t, valueLabelMap } from '../i18n';
import { type ChartDefinition, ChartPanel, loadMeasure } from '../ui/chart-panel';
import { el } from '../ui/dom';
import { selectPicker, toolbar } from '../ui/pickers';
import { choose, type PageContext, wholePeriod } from './page';

const WAY_IN = '#c9353a';
const WAY_BACK = '#2f7fb8';

export function renderLeerlingstromen(root: HTMLElement, context: PageContext): void {
  const { info } = context;
  const labels = valueLabelMap();
  const notes = wholePeriod(info);
  root.append(el('h1', {}, t('stromenTitle')), el('p', { class: 'intro' }, t('stromenIntro')));
  // Flows need two consecutive teldata, so the first school year has none.
  const schooljaren = info.schooljaren.slice(1);
  if (schooljaren.length === 0) {
    root.append(el('p', { class: 'empty' }, t('noDataYet')));
    return;
  }
  let schooljaar = choose(context.query, 'schooljaar', schooljaren, schooljaren.at(-1)!);

  const direction = (grafiek: string, title: string, subtitle: string, kept: string[], valueTitle: string, format: string, colors: string[]): ChartDefinition => ({
    grafiek,
    measure: 'richting',
    title,
    subtitle,
    load: () => loadMeasure('richting', {}, (row) => kept.includes(String(row.richting))),
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels,
        description: title,
        x: 'schooljaar',
        xTitle: t('axisSchooljaar'),
        series: 'richting',
        seriesOrder: kept,
        seriesColors: colors,
        valueTitle,
        valueFormat: format,
        showValues: true,
      }),
    notes,
  });

  const heenTerug = direction('stromen-heen-terug', t('heenTerug'), t('heenTerugSub'), ['intensiever', 'minder-intensief'], t('axisLeerlingen'), COUNT_FORMAT, [WAY_IN, WAY_BACK]);
  const direct = direction('stromen-direct', t('directGespecialiseerd'), t('directGespecialiseerdSub'), ['direct-gespecialiseerd'], t('axisLeerlingen'), COUNT_FORMAT, ['#e8731c']);
  const ratio = direction('stromen-ratio', t('terugstroomRatio'), t('terugstroomRatioSub'), ['terugstroom-ratio'], t('axisRatio'), ',.2~f', ['#6b6b6b']);

  const matrix = (): ChartDefinition => ({
    grafiek: 'stromen-matrix',
    measure: 'stromen',
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
        labels,
        description: t('stromenMatrix'),
        order: [...SETTINGS, 'buiten'],
        fromTitle: t('axisVan'),
        toTitle: t('axisNaar'),
        valueTitle: t('axisLeerlingen'),
      }),
    notes,
  });

  const panels = [heenTerug, direct, ratio].map((d) => new ChartPanel(d));
  const matrixPanel = new ChartPanel(matrix());
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
  );
  for (const panel of [...panels, matrixPanel]) void panel.update();
}
