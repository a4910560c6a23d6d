"use client";

import { Upload } from "lucide-react";
import { useRef } from "react";
import { Button } from "./button";

/** A button that opens the file chooser and hands the chosen file on (the same file may be chosen again). */
export function ImportFileButton({ label, accept, disabled, testId, onFile }: { label: string; accept: string; disabled?: boolean; testId: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => input.current?.click()} disabled={disabled}>
        <Upload className="h-4 w-4" aria-hidden />
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="hidden"
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onFile(f);
        }}
      />
    </>
  );
}
