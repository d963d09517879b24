// Who is logged in, for this tab only: the session itself is the server's HttpOnly cookie; what
// the app keeps is the answer of /api/login or /api/sessie, in memory. The CSRF token goes to the
// API client, and cached measure results are dropped whenever the user changes.
import { clearCaches, setCsrfToken } from './api';
import type { Session } from './types';

let current: Session | null = null;

export function currentSession(): Session | null {
  return current;
}

/**
 * The caches are emptied when a session ends (endSession: logout, 401), so a new one starts with
 * only what was asked with the cookie it confirms (the page's data asked beside /api/sessie).
 */
export function startSession(session: Session): void {
  if (current && current.gebruiker !== session.gebruiker) clearCaches();
  current = session;
  setCsrfToken(session.csrf);
}

export function endSession(): void {
  current = null;
  setCsrfToken(null);
  clearCaches();
}
