// "Mijn school tegenover de regio" on the Overzicht for a school user: their vestiging's pupils
// per setting beside those of what the page shows (the SWV by default), from two requests of the
// same measure, each suppressed by the server as any answer is ("<5" stays "<5"). Not in the chart
// catalog: it draws `leerlingen` again, and only a school user (with a vestiging) gets it.
import { api, currentMeasureSelection } from '../api';
import { COUNT_FORMAT, SETTINGS } from '../charts/common';
import { groupedBarsSpec } from '../charts/grouped-bars';
import { SERIES_PALETTE } from '../charts/palette';
import { formatDate } from '../format';
import { getLang, t } from '../i18n';
import { describeSelection, type Selection, vestigingText } from '../selection';
import type { MeasureParams, Row, Session } from '../types';
import { type ChartData, type ChartDefinition, fromResult, labelsFor } from '../ui/chart-panel';
import { selectionChoices } from '../ui/selection-bar';
import type { NoteDefaults } from '../ui/notes-box';

export const SCHOOL_VS_REGION = 'overzicht-school-regio';

/** The school's own vestiging to compare: the one chosen on the page, else its first. */
export function ownVestiging(session: Pick<Session, 'rol' | 'vestigingen'>, selection: Selection): string | null {
  if (session.rol !== 'school' || session.vestigingen.length === 0) return null;
  return selection.vestiging && session.vestigingen.includes(selection.vestiging) ? selection.vestiging : session.vestigingen[0]!;
}

/** What the school is compared with: the page's selection without the vestiging, else its SWV. */
export function comparedSelection(selection: Selection, ownSwv: string | null): Selection {
  const rest: Selection = { ...selection };
  delete rest.vestiging;
  if (Object.values(rest).some(Boolean)) return rest;
  return ownSwv ? { swv: ownSwv } : rest;
}

export function schoolVsRegion(session: Session, at: string, notes: NoteDefaults): ChartDefinition | null {
  const selection = currentMeasureSelection();
  const own = ownVestiging(session, selection);
  if (!own) return null;
  const choices = selectionChoices();
  const ownSwv = choices?.vestigingen.find((v) => v.vestiging_id === own)?.swv ?? null;
  const compared = comparedSelection(selection, ownSwv);
  const school = vestigingText(own, choices);
  const region = describeSelection(compared, choices);
  return {
    grafiek: SCHOOL_VS_REGION,
    measure: 'leerlingen',
    title: t('schoolVsRegion'),
    subtitle: t('schoolVsRegionSub', { datum: formatDate(at, getLang()), school, regio: region }),
    load: async (): Promise<ChartData> => {
      const params: MeasureParams = { at };
      const [mine, theirs] = await Promise.all([api.measure('leerlingen', { ...params, vestiging: own }), api.measure('leerlingen', { ...params, ...compared })]);
      const tagged = (rows: readonly Row[], gebied: string): Row[] => rows.filter((r) => r.onderwijssoort !== 'totaal').map((r) => ({ gebied, ...r }));
      const data = fromResult(mine, params);
      const rows = [...tagged(mine.rijen, school), ...tagged(theirs.rijen, region)];
      return { ...data, columns: ['gebied', ...data.columns], rows, selectie: { ...compared, vestiging: own } };
    },
    spec: (data, width) =>
      groupedBarsSpec(data.rows, {
        width,
        labels: labelsFor(data),
        description: t('schoolVsRegion'),
        x: 'onderwijssoort',
        xTitle: t('axisOnderwijssoort'),
        xOrder: SETTINGS,
        series: 'gebied',
        seriesOrder: [school, region],
        seriesColors: [SERIES_PALETTE[0], SERIES_PALETTE[1]],
        seriesTitle: t('schoolVsRegionSeries'),
        valueTitle: t('axisLeerlingen'),
        valueFormat: COUNT_FORMAT,
        showValues: true,
      }),
    table: { series: 'gebied' },
    notes,
  };
}
