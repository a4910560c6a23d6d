import { Alert } from "./alert";
import { Button } from "./button";

/**
 * An initial password, shown once to the person who hands it over (it is stored only as
 * a hash): who it is for, the password itself, the warning, and a button to close it.
 */
export function OneTimePassword({ heading, label, password, once, noted, onNoted }: { heading: string; label: string; password: string; once: string; noted: string; onNoted: () => void }) {
  return (
    <Alert tone="success">
      <span className="block">{heading}</span>
      <span className="mt-1 block">
        {label} <code className="select-all rounded bg-white px-1.5 py-0.5 font-mono text-base text-slate-900" data-testid="initial-password">{password}</code>
      </span>
      <span className="mt-1 block text-xs">{once}</span>
      <Button size="sm" variant="secondary" className="mt-2" onClick={onNoted} data-testid="initial-password-noted">{noted}</Button>
    </Alert>
  );
}
