/**
 * Login back-off, as pure rules over one counter row (login_throttles). The service reserves an attempt on every
 * counter of a login inside one transaction holding their row locks, and only then checks the password: N parallel
 * wrong passwords cause at most `maxAttempts` password checks per counter, never more.
 */

export interface TThrottlePolicy {
  /** Attempts allowed in one window before the counter blocks. */
  maxAttempts: number;
  windowMinutes: number;
  /** First block; each further block in a row doubles, up to maxBlockMinutes (never permanent). */
  blockMinutes: number;
  maxBlockMinutes: number;
}

export interface TThrottleState {
  attempts: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  /** Blocks in a row; forgotten after a quiet day or a successful login. */
  blocks: number;
  updatedAt: Date;
}

export type TReservation =
  | { allowed: false; retryAt: Date }
  | { allowed: true; state: TThrottleState; blockedNow: boolean };

const MINUTE = 60_000;
const QUIET_RESET_MINUTES = 24 * 60;

export function emptyThrottle(now: Date): TThrottleState {
  return { attempts: 0, windowStartedAt: now, blockedUntil: null, blocks: 0, updatedAt: now };
}

export function blockMinutes(policy: TThrottlePolicy, blocks: number): number {
  return Math.min(policy.blockMinutes * 2 ** Math.min(blocks, 30), policy.maxBlockMinutes);
}

/** Takes one attempt from the counter, or refuses while it is blocked (a refused attempt changes nothing). */
export function reserveAttempt(current: TThrottleState, policy: TThrottlePolicy, now: Date): TReservation {
  if (current.blockedUntil && current.blockedUntil > now) return { allowed: false, retryAt: current.blockedUntil };
  const quiet = now.getTime() - current.updatedAt.getTime() >= QUIET_RESET_MINUTES * MINUTE;
  const windowOver =
    current.blockedUntil !== null || now.getTime() - current.windowStartedAt.getTime() >= policy.windowMinutes * MINUTE;
  const base: TThrottleState = windowOver
    ? { attempts: 0, windowStartedAt: now, blockedUntil: null, blocks: quiet ? 0 : current.blocks, updatedAt: now }
    : { ...current, updatedAt: now };
  const attempts = base.attempts + 1;
  if (attempts < policy.maxAttempts) return { allowed: true, state: { ...base, attempts }, blockedNow: false };
  // The last allowed attempt is still checked; the counter blocks for everything after it.
  const until = new Date(now.getTime() + blockMinutes(policy, base.blocks) * MINUTE);
  return {
    allowed: true,
    state: { ...base, attempts: 0, windowStartedAt: now, blockedUntil: until, blocks: base.blocks + 1 },
    blockedNow: true,
  };
}
