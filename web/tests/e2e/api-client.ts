// The stroom API from the test process, as a logged-in user: POST /api/login gives the session
// cookie and CSRF token, later requests send them. Each request on its own connection, closed
// afterwards (not fetch(): its pool keeps idle keep-alive connections open, and `stroom serve`
// finishes open connections before it exits on SIGTERM, which made stopping it wait).
import http from 'node:http';
import type { Session } from '../../src/types';
import type { TestUser } from './stroom-server';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function apiRequest(base: string, method: 'GET' | 'POST', path: string, options: { cookie?: string; csrf?: string; body?: unknown } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.csrf) headers['X-CSRF-Token'] = options.csrf;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, base), { method, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(payload);
  });
}

export interface ApiUser {
  cookie: string;
  session: Session;
  get<T>(path: string): Promise<T>;
}

export async function apiLogin(base: string, user: TestUser): Promise<ApiUser> {
  const answer = await apiRequest(base, 'POST', 'api/login', { body: { gebruiker: user.name, wachtwoord: user.password } });
  if (answer.status !== 200) throw new Error(`login ${user.name}: ${answer.status} ${answer.body}`);
  const setCookie = answer.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error(`login ${user.name}: no Set-Cookie`);
  const cookie = setCookie.split(';')[0]!;
  return {
    cookie,
    session: JSON.parse(answer.body) as Session,
    async get<T>(path: string): Promise<T> {
      const got = await apiRequest(base, 'GET', path, { cookie });
      if (got.status !== 200) throw new Error(`${path}: ${got.status} ${got.body}`);
      return JSON.parse(got.body) as T;
    },
  };
}
