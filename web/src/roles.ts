// What each role may open (the server decides what it may read; this only keeps the navigation
// from offering pages that would answer 403). See docs/dashboard.md, "Roles".
import type { PageId } from './router';
import type { Role } from './types';

/** The pages built from measures: every role but ouder. */
export const MEASURE_PAGES = ['overzicht', 'leerlingstromen', 'thuiszitters', 'voorzieningen', 'inzicht', 'maatboek'] as const satisfies readonly PageId[];
export type MeasurePageId = (typeof MEASURE_PAGES)[number];

export function isMeasurePage(page: PageId): page is MeasurePageId {
  return (MEASURE_PAGES as readonly string[]).includes(page);
}

/** The pages in the navigation of a role, in order. */
export function navPages(role: Role | string): PageId[] {
  switch (role) {
    case 'ouder':
      return ['kind'];
    case 'school':
      return [...MEASURE_PAGES, 'leerlingen'];
    case 'beheerder':
      return [...MEASURE_PAGES, 'leerlingen', 'aanvragen', 'logboek'];
    case 'commissie':
      // The support requests (GET /api/leerlingen?aanvragen=1), each a link to the pupil's timeline.
      return [...MEASURE_PAGES, 'aanvragen'];
    case 'analist':
      return [...MEASURE_PAGES];
    default:
      return []; // a role this app does not know gets nothing rather than too much
  }
}

/** Roles that may open one pupil's timeline (#/leerling/ID); the server checks which pupil. */
const TIMELINE_ROLES: readonly string[] = ['beheerder', 'school', 'commissie'];

/** Roles that may look a pupil up by BSN (POST /api/leerlingen/zoek). */
export const SEARCH_ROLES: readonly string[] = ['beheerder', 'school'];

export function mayOpen(page: PageId, role: Role | string): boolean {
  if (page === 'leerling') return TIMELINE_ROLES.includes(role);
  return navPages(role).includes(page);
}

/** Where a role lands: its first page. */
export function homePage(role: Role | string): PageId | null {
  return navPages(role)[0] ?? null;
}

/** For every role but beheerder the server suppresses small counts ("<5"). */
export function seesSuppressedCounts(role: Role | string): boolean {
  return role !== 'beheerder';
}
