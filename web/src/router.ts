// Hash routing: #/page/sub?query. Hash-based so that the app is plain static files: the server
// serves index.html at / and needs no rewrite rule for deep links.

export const PAGES = [
  'overzicht',
  'leerlingstromen',
  'thuiszitters',
  'voorzieningen',
  'inzicht',
  'maatboek',
  'kind',
  'leerlingen',
  'leerling',
  'aanvragen',
  'logboek',
] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  subPath: string;
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', queryText = ''] = text.split('?', 2);
  const [first = '', ...rest] = path.split('/');
  const page = (PAGES as readonly string[]).includes(first) ? (first as PageId) : 'overzicht';
  return { page, subPath: decodeURIComponent(rest.join('/')), query: new URLSearchParams(queryText) };
}

export function routeHash(route: Route): string {
  const path = route.subPath ? `${route.page}/${encodeURIComponent(route.subPath)}` : route.page;
  const query = route.query.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}
