"use client";

import { Camera } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { attachVisitPhotoAction, logContactAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const KINDS = ["visit", "call", "meeting", "email"] as const;
type Position = { latitude: number; longitude: number; accuracy: number };
type Place = Position | "locating" | "failed" | null;

/** The browser's position, or null when it is refused, unavailable or slow: the visit is logged either way. */
function currentPosition(): Promise<Position | null> {
  if (!("geolocation" in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { timeout: 8_000, maximumAge: 60_000 },
    ),
  );
}

/** The photo goes to the file store as the log's attachment, then becomes the log's picture. */
async function uploadPhoto(logId: string, photo: File): Promise<string | null> {
  const body = new FormData();
  body.set("ownerType", "CustomerLog");
  body.set("ownerId", logId);
  body.set("file", photo);
  const res = await fetch("/api/files", { method: "POST", body });
  const json = (await res.json().catch(() => null)) as { file?: { id: string }; error?: { message?: string } } | null;
  if (!res.ok || !json?.file) return json?.error?.message ?? "";
  const attached = await attachVisitPhotoAction({ logId, fileId: json.file.id });
  return attached.ok ? null : attached.error.message;
}

/**
 * Quick contact-log entry (CRM-2, CRM-10), made for a phone: how (one tap), what, and
 * optionally the next follow-up day; for a visit also a photo (the phone's camera) and
 * where it happened, asked of the browser when the visit is saved if not before.
 */
export function ContactLogForm({ customerId, today }: { customerId: string; today: string }) {
  const t = useTranslations("crm.log");
  const tv = useTranslations("knowledge.visit");
  const router = useRouter();
  const save = useAction(logContactAction);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("visit");
  const [place, setPlace] = useState<Place>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const locate = async () => {
    setPlace("locating");
    const p = await currentPosition();
    setPlace(p ?? "failed");
    return p;
  };
  return (
    <form
      className="space-y-3"
      noValidate
      data-testid="contact-log-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        setPhotoError(null);
        const form = e.currentTarget;
        const { photo: _file, ...data } = Object.fromEntries(new FormData(form));
        setBusy(true);
        const where = typeof place === "object" && place ? place : kind === "visit" && place === null ? await locate() : null;
        setBusy(false);
        save.run({ ...data, customerId, kind, ...(where ?? {}) }, async ({ id }) => {
          const failed = photo && kind === "visit" ? await uploadPhoto(id, photo).catch(() => "") : null;
          if (failed !== null) setPhotoError(tv("photoFailed", { message: failed || "—" }));
          form.reset();
          setPlace(null);
          setPhoto(null);
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("kind")}</legend>
        <div className="grid grid-cols-4 gap-2">
          {KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`log-kind-${k}`}
              className={`h-11 rounded-md border text-sm ${kind === k ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700"}`}>
              {t(`kinds.${k}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <Field id="log-note" label={t("note")} error={save.fieldError("note")}>
        <textarea id="log-note" name="note" rows={3} maxLength={2000} aria-invalid={!!save.fieldError("note")} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none" />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="log-on" label={t("on")} error={save.fieldError("on")}>
          <Input id="log-on" name="on" type="date" max={today} defaultValue={today} />
        </Field>
        <Field id="log-next" label={t("nextFollowUp")} error={save.fieldError("nextFollowUp")}>
          <Input id="log-next" name="nextFollowUp" type="date" min={today} />
        </Field>
      </div>
      {kind === "visit" ? (
        <div className="flex flex-wrap items-center gap-3">
          <label className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "h-10 cursor-pointer")}>
            <Camera className="h-4 w-4" aria-hidden />
            {tv("photo")}
            <input type="file" name="photo" accept="image/*" capture="environment" className="sr-only" data-testid="log-photo-input"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </label>
          <span className="min-w-0 break-all text-xs text-slate-600" data-testid="log-photo-name">{photo ? tv("photoChosen", { name: photo.name }) : tv("photoHint")}</span>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" size="sm" className="h-10" onClick={() => void locate()} data-testid="log-locate">{t("location")}</Button>
        <span className="text-xs text-slate-600" data-testid="log-place">
          {place === "locating" ? t("locating") : place === "failed" ? t("locationFailed") : place ? t("locationOk") : null}
        </span>
      </div>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
      {photoError ? <Alert>{photoError}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" className="h-11 min-w-32" disabled={save.pending || busy} data-testid="log-submit">{save.pending || busy ? t("submitting") : t("submit")}</Button>
        {saved ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
      </div>
    </form>
  );
}
