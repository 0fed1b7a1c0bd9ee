/**
 * Signed-in users of recent requests, kept for a few seconds (CACHE_SECONDS, default 5 in production, off
 * unless configured). Every request looks its session up; on a deadline day that lookup was one of a save's three
 * round trips to PostgreSQL. A change to accounts, roles, units or sessions made by this instance clears the whole
 * cache at once (logout, password change, disabling, new roles take effect on the next request); a change made
 * through another instance is seen here at most that many seconds later (docs/security.md).
 */
const cached = new Map<string, { user: unknown; expiresAt: Date; keptUntil: number }>();
/** Bounded: a flood of distinct tokens must not grow memory. */
const MAX_ENTRIES = 20_000;

export function cachedSession<T>(token: string, now: Date): T | null {
  const entry = cached.get(token);
  if (!entry) return null;
  if (entry.keptUntil < performance.now() || entry.expiresAt <= now) {
    cached.delete(token);
    return null;
  }
  return entry.user as T;
}

export function keepSession(token: string, user: unknown, expiresAt: Date, ttlMs: number) {
  if (ttlMs <= 0) return;
  if (cached.size >= MAX_ENTRIES) cached.clear();
  // Spread over the last quarter of the setting: sessions looked up together (everyone at 8:00, a restart) must not
  // all be looked up again in the same instant.
  cached.set(token, { user, expiresAt, keptUntil: performance.now() + ttlMs * (0.75 + Math.random() / 4) });
}

/** Called by every writer of users, roles, units and sessions. */
export function forgetSessions() {
  cached.clear();
}
