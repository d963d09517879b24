// The session as the app keeps it: login and /api/sessie give the CSRF token, every POST but the
// login sends it, a 401 anywhere (but on the login) tells the shell to show the login page, a 429
// carries Retry-After, and the cached measure results of one user are never shown to the next.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../../src/api';
import { currentSession, endSession, startSession } from '../../src/session';
import type { Session } from '../../src/types';
import { loginErrorText } from '../../src/ui/login-form';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const calls: Call[] = [];
let respond: (call: Call) => { status: number; body?: unknown; headers?: Record<string, string> };

const beheerder: Session = { gebruiker: 'bea', rol: 'beheerder', vestigingen: [], leerling: null, csrf: 'token-1' };

beforeEach(() => {
  calls.length = 0;
  respond = () => ({ status: 200, body: {} });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answer = respond(call);
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
  endSession();
});

describe('login and CSRF', () => {
  it('logs in with a JSON body and no CSRF token', async () => {
    respond = () => ({ status: 200, body: beheerder });
    const session = await api.login('bea', 'geheim');
    expect(session).toEqual(beheerder);
    expect(calls[0]).toMatchObject({ url: 'api/login', method: 'POST', body: { gebruiker: 'bea', wachtwoord: 'geheim' } });
    expect(calls[0]!.headers['Content-Type']).toBe('application/json');
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('sends the session’s token with every POST, never with a GET', async () => {
    startSession(beheerder);
    expect(currentSession()).toBe(beheerder);
    respond = (call) => ({ status: call.method === 'POST' ? 201 : 200, body: call.method === 'POST' ? {} : [] });
    await api.notes('overzicht-leerlingen');
    await api.addNote({ grafiek: 'overzicht-leerlingen', van: '2021-10-01', tot: '2023-10-01', tekst: 'x' });
    await api.findPupil('123456782', 'melding van de school');
    await api.logout();
    expect(calls.map((c) => [c.method, c.url, c.headers['X-CSRF-Token'] ?? null])).toEqual([
      ['GET', 'api/notities?grafiek=overzicht-leerlingen', null],
      ['POST', 'api/notities', 'token-1'],
      ['POST', 'api/leerlingen/zoek', 'token-1'],
      ['POST', 'api/logout', 'token-1'],
    ]);
    // The note carries no author: the server takes it from the session.
    expect(calls[1]!.body).toEqual({ grafiek: 'overzicht-leerlingen', van: '2021-10-01', tot: '2023-10-01', tekst: 'x' });
    expect(calls[2]!.body).toEqual({ bsn: '123456782', reden: 'melding van de school' });
  });

  it('forgets the token when the session ends', async () => {
    startSession(beheerder);
    endSession();
    await api.addNote({ grafiek: 'g', van: '', tot: '', tekst: 'x' });
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
    expect(currentSession()).toBeNull();
  });
});

describe('errors', () => {
  it('a 401 on any request tells the shell; a 401 on the login does not', async () => {
    const unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
    respond = () => ({ status: 401, body: { fout: 'niet ingelogd' } });
    await expect(api.info()).rejects.toMatchObject({ status: 401, message: 'niet ingelogd' });
    expect(unauthorized).toHaveBeenCalledTimes(1);
    await expect(api.login('bea', 'fout')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After of a 429 in seconds', async () => {
    respond = () => ({ status: 429, body: { fout: 'te veel pogingen' }, headers: { 'Retry-After': '30' } });
    const error = await api.login('bea', 'fout').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfter: 30 });
    expect(loginErrorText(error)).toBe('Te veel mislukte pogingen. Probeer het over 30 seconden opnieuw.');
  });

  it('says in Dutch what went wrong with a login', () => {
    expect(loginErrorText(new ApiError(401, 'onbekende gebruiker of onjuist wachtwoord'))).toBe('Gebruikersnaam of wachtwoord is onjuist.');
    expect(loginErrorText(new ApiError(429, 'te veel pogingen'))).toBe('Te veel mislukte pogingen. Probeer het later opnieuw.');
    expect(loginErrorText(new ApiError(0, 'de server is niet bereikbaar'))).toBe('de server is niet bereikbaar');
  });

  it('keeps the server’s message for a 403 without a JSON body', async () => {
    respond = () => ({ status: 403, body: { fout: 'geen toegang' } });
    await expect(api.pupil('ps-1')).rejects.toMatchObject({ status: 403, message: 'geen toegang' });
  });
});

describe('measure cache', () => {
  it('asks again after the user changed, since small counts depend on the role', async () => {
    respond = () => ({ status: 200, body: { id: 'leerlingen', kolommen: [], rijen: [] } });
    startSession(beheerder);
    await api.measure('leerlingen', { at: '2023-10-01' });
    await api.measure('leerlingen', { at: '2023-10-01' });
    expect(calls).toHaveLength(1);
    endSession();
    startSession({ ...beheerder, gebruiker: 'ana', rol: 'analist', csrf: 'token-2' });
    await api.measure('leerlingen', { at: '2023-10-01' });
    expect(calls).toHaveLength(2);
  });
});

describe('setCsrfToken', () => {
  it('is what /api/sessie gives after a reload', async () => {
    setCsrfToken('from-sessie');
    await api.logout();
    expect(calls[0]!.headers['X-CSRF-Token']).toBe('from-sessie');
    setCsrfToken(null);
  });
});
