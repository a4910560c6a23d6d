/** A short, language-neutral duration: 45s, 12m, 3.5h, 2.1d. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, seconds);
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86400) return `${(s / 3600).toFixed(1)}h`;
  return `${(s / 86400).toFixed(1)}d`;
}

/** Green (quick) to red (slow) relative to the slowest element. */
export function heatColor(value: number, max: number): string {
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  const hue = Math.round(120 - 120 * ratio);
  return `hsl(${hue} 70% 38%)`;
}
