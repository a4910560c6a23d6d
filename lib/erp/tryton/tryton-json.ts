import "server-only";

// Tryton's JSON-RPC tags Decimal, date and datetime values as objects
// ({"__class__": "Decimal", "decimal": "1.50"}). These helpers convert both ways so
// the rest of lib/erp/tryton works with plain numbers and ISO strings.

type Tagged = { __class__: string; [k: string]: unknown };

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** JSON.parse reviver: Decimal -> number, date -> "YYYY-MM-DD", datetime -> ISO instant with microseconds (UTC). */
export function reviveTryton(_key: string, value: unknown): unknown {
  if (!value || typeof value !== "object" || !("__class__" in value)) return value;
  const v = value as Tagged;
  switch (v.__class__) {
    case "Decimal":
      return Number(v.decimal);
    case "date":
      return `${v.year}-${pad(Number(v.month))}-${pad(Number(v.day))}`;
    case "datetime":
      return `${v.year}-${pad(Number(v.month))}-${pad(Number(v.day))}T${pad(Number(v.hour))}:${pad(Number(v.minute))}:${pad(Number(v.second))}.${pad(Number(v.microsecond), 6)}Z`;
    default:
      return value;
  }
}

export function decimal(n: number): Tagged {
  return { __class__: "Decimal", decimal: String(n) };
}

export function date(isoDate: string): Tagged {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  return { __class__: "date", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * An ISO instant as Tryton's naive UTC datetime. Keeps up to 6 fraction digits:
 * Tryton stores microseconds and a cursor rounded to milliseconds would re-read rows.
 */
export function dateTime(iso: string): Tagged {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\d*(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m || (m[8] && m[8] !== "Z" && !/^[+-]00:?00$/.test(m[8]))) {
    // Offsets other than UTC: let Date normalise them (millisecond precision is enough there).
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${iso}`);
    return dateTime(d.toISOString());
  }
  return {
    __class__: "datetime",
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    microsecond: Number((m[7] ?? "").padEnd(6, "0")),
  };
}

/**
 * The app's "writeAt" for a record: the latest of the given Tryton instants, rounded
 * UP to the millisecond. The app may keep it as a JS Date (milliseconds); rounding up
 * makes `write_date > since` exclude the record itself on the next incremental read.
 */
export function writeAt(...instants: (string | null | undefined)[]): string {
  const latest = instants.filter((s): s is string => !!s).sort().at(-1);
  if (!latest) return new Date(0).toISOString();
  const ms = Date.parse(latest);
  const micros = Number(/\.(\d{6})Z$/.exec(latest)?.[1] ?? "0") % 1000;
  return new Date(micros > 0 ? ms + 1 : ms).toISOString();
}
