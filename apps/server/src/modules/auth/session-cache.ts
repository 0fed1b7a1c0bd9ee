/**
 * Signed-in users of recent requests, kept for a few seconds (CACHE_SECONDS, default 5 in production, off
 * unless configured). Every request looks its session up; on a deadline day that lookup was one of a save's three
 * round trips to PostgreSQL. A change to accounts, roles, units or sessions made by this instance clears the whole
 * cache at once (logout, password change, disabling, new roles take effect on the next request); a change made
 * through another instance is seen here at most that many seconds later (docs/security.md).
 *
 * A session in use is looked up again in the background once its copy is half that old, so the requests of someone
 * working never wait for the lookup (on the surge, those that did were the slowest twentieth).
 */
interface TEntry {
  user: unknown;
  expiresAt: Date;
  keptAt: number;
  keptUntil: number;
  refreshing: boolean;
}
const cached = new Map<string, TEntry>();
/** Bounded: a flood of distinct tokens must not grow memory. */
const MAX_ENTRIES = 20_000;
/** Moves on every clear: a lookup that started before a clear must not put back what the clear removed. */
let generation = 0;

export const sessionCacheGeneration = () => generation;

/** The kept user, and whether the caller should look the session up again in the background. */
export function cachedSession<T>(token: string, now: Date): { user: T; refresh: boolean } | null {
  const entry = cached.get(token);
  if (!entry) return null;
  const at = performance.now();
  if (entry.keptUntil < at || entry.expiresAt <= now) {
    cached.delete(token);
    return null;
  }
  const refresh = !entry.refreshing && at - entry.keptAt > (entry.keptUntil - entry.keptAt) / 2;
  if (refresh) entry.refreshing = true;
  return { user: entry.user as T, refresh };
}

/** Keeps what a lookup started at `since` (sessionCacheGeneration) found, unless the cache was cleared meanwhile. */
export function keepSession(token: string, user: unknown, expiresAt: Date, ttlMs: number, since: number) {
  if (ttlMs <= 0 || since !== generation) return;
  if (cached.size >= MAX_ENTRIES) cached.clear();
  const keptAt = performance.now();
  // Spread over the last quarter of the setting: sessions looked up together (everyone at 8:00, a restart) must not
  // all be looked up again in the same instant.
  cached.set(token, {
    user,
    expiresAt,
    keptAt,
    keptUntil: keptAt + ttlMs * (0.75 + Math.random() / 4),
    refreshing: false,
  });
}

/** A background lookup found the session gone. */
export function dropSession(token: string) {
  cached.delete(token);
}

/** Called by every writer of users, roles, units and sessions. */
export function forgetSessions() {
  generation++;
  cached.clear();
}
