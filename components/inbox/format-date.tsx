"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

/**
 * Dates in the app's zone and the user's language. `compact` leaves out the
 * year when it is this year's (lists are read by day and hour, and need the room).
 */
export function useDateTime() {
  const format = useFormatter();
  return useCallback(
    (value: Date | string, opts: { compact?: boolean; dateOnly?: boolean } = {}) => {
      const d = new Date(value);
      if (opts.dateOnly) return format.dateTime(d, { dateStyle: "medium" });
      const year = (x: Date) => format.dateTime(x, { year: "numeric" });
      if (opts.compact && year(d) === year(new Date())) return format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
      return format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
    },
    [format],
  );
}

export function DateTime({ value, dateOnly, compact }: { value: Date | string | null; dateOnly?: boolean; compact?: boolean }) {
  const fmt = useDateTime();
  if (!value) return null;
  return (
    <time dateTime={new Date(value).toISOString()} className="whitespace-nowrap">
      {fmt(value, { dateOnly, compact })}
    </time>
  );
}
