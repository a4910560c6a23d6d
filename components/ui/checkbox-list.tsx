"use client";

import { cn } from "./cn";

export type CheckboxOption = { value: string; label: string; hint?: string; disabled?: boolean };

/** A set of checkboxes holding a list of values; disabled options keep their state. */
export function CheckboxList({
  options,
  value,
  onChange,
  legend,
  invalid,
  className,
}: {
  options: CheckboxOption[];
  value: string[];
  onChange: (next: string[]) => void;
  legend: string;
  invalid?: boolean;
  className?: string;
}) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset aria-invalid={invalid || undefined} className={cn("rounded-md border border-slate-300 p-2 aria-[invalid=true]:border-red-500", className)}>
      <legend className="sr-only">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.value}
            className={cn("flex min-h-9 items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50", o.disabled && "cursor-not-allowed text-slate-400 hover:bg-transparent")}
          >
            <input
              type="checkbox"
              className="h-4 w-4 shrink-0 accent-brand-600"
              checked={value.includes(o.value)}
              disabled={o.disabled}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span className="min-w-0">
              <span className="break-words">{o.label}</span>
              {o.hint ? <span className="ml-1 text-xs text-slate-400">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
