import "server-only";

const g = globalThis as { __ffClockOffsetMs?: number };

/**
 * The runtime's notion of now. Tests move it forward to make timers and due
 * dates come due without waiting; production never changes it.
 */
export function now(): Date {
  return new Date(Date.now() + (g.__ffClockOffsetMs ?? 0));
}

export function advanceClock(ms: number) {
  g.__ffClockOffsetMs = (g.__ffClockOffsetMs ?? 0) + ms;
}

export function resetClock() {
  g.__ffClockOffsetMs = 0;
}

const UNITS: Record<string, number> = { Y: 365 * 864e5, M: 30 * 864e5, W: 7 * 864e5, D: 864e5 };
const TIME_UNITS: Record<string, number> = { H: 36e5, M: 6e4, S: 1e3 };

/** Adds an ISO 8601 duration (P2D, PT4H, P1DT12H) to a date. */
export function addIsoDuration(from: Date, iso: string): Date | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso.trim());
  if (!m || iso.trim() === "P") return null;
  const [, y, mo, w, d, h, mi, s] = m.map((v) => Number(v ?? 0));
  const ms = y * UNITS.Y + mo * UNITS.M + w * UNITS.W + d * UNITS.D + h * TIME_UNITS.H + mi * TIME_UNITS.M + s * TIME_UNITS.S;
  return new Date(from.getTime() + ms);
}
