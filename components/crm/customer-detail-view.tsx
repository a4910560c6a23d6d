import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/crm/get-customer";
import { ContactDays } from "./contact-days";

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

export function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <h2 className="mb-2 font-medium text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}

/** One customer at a glance (CRM-2): profile, contacts, follow-ups, contact history, change history. */
export function CustomerDetailView({ detail, logForm, reassign, stage, tools, contactsEditor, addresses }: { detail: CustomerDetail; logForm: React.ReactNode; reassign: React.ReactNode; stage: React.ReactNode; tools?: React.ReactNode; contactsEditor?: React.ReactNode; addresses: React.ReactNode }) {
  const t = useTranslations("crm.detail");
  const tl = useTranslations("crm.log");
  const tv = useTranslations("knowledge.visit");
  const tc = useTranslations("crm.list");
  const ta = useTranslations("admin.audit.actions");
  const tm = useTranslations("crmMerge.merge");
  const format = useFormatter();
  const en = useLocale() === "en";
  const c = detail.customer;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const rows: [string, React.ReactNode][] = [
    [t("code"), c.code],
    [tv("mainContact"), c.contactName || c.contactPhone ? <span>{c.contactName}{c.contactPhone ? <a href={tel(c.contactPhone)} className="ml-2 text-brand-700 underline" aria-label={tc("call", { phone: c.contactPhone })} data-testid="customer-call">{c.contactPhone}</a> : null}</span> : "—"],
    [t("owner"), c.owner?.name ?? "—"],
    [t("team"), c.team ? (en ? c.team.nameEn : c.team.nameZh) : "—"],
    [t("stage"), t(`stages.${c.stage}`)],
    [t("level"), c.level ?? "—"],
    [t("industry"), c.industry ?? "—"],
    [t("region"), c.region ?? "—"],
    [t("creditCode"), c.creditCode ?? "—"],
    [t("shared"), c.sharedWithTeam ? t("sharedYes") : t("sharedNo")],
    [t("categories"), detail.categories.length ? <span className="flex flex-wrap gap-1" data-testid="customer-categories">{detail.categories.map((k) => <Badge key={k.id} className="bg-brand-50 text-brand-700">{k.name}</Badge>)}</span> : "—"],
    [t("tags"), c.tags.length ? <span className="flex flex-wrap gap-1">{c.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}</span> : "—"],
    ...(c.mergedAway.length ? [[tm("mergedIn"), c.mergedAway.map((m) => `${m.name}（${m.code}）`).join("、")] as [string, React.ReactNode]] : []),
    [t("address"), c.address ? <span>{c.address} <a className="text-brand-700 underline" href={`https://uri.amap.com/search?keyword=${encodeURIComponent(c.address)}`} target="_blank" rel="noopener noreferrer" data-testid="customer-map">{t("map")}</a></span> : "—"],
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card data-testid="customer-profile">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-600">{t("lastContact")}</span>
            <ContactDays days={detail.days} never={detail.never} tone={detail.tone} />
            {tools ? <span className="ml-auto flex flex-wrap gap-3 text-sm">{tools}</span> : null}
          </div>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {rows.map(([label, value]) => (
              <div key={label} className="flex gap-3">
                <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Section title={t("addresses")} testId="customer-addresses">{addresses}</Section>
        <Section title={t("logTitle")} testId="customer-log">{logForm}</Section>
        <Section title={t("logs")} testId="customer-logs">
          {detail.logs.length ? (
            <ol className="space-y-3">
              {detail.logs.map((l) => (
                <li key={l.id} className="border-l-2 border-slate-200 pl-3 text-sm" data-testid="customer-log-entry">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <Badge>{tl(`kinds.${l.kind}`)}</Badge>
                    <span>{moment(l.at)}</span>
                    <span>{l.byName ?? "—"}</span>
                    {l.latitude != null && l.longitude != null ? (
                      <a href={`https://uri.amap.com/marker?position=${l.longitude},${l.latitude}`} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline" data-testid="log-map">
                        {t("located")}{l.accuracy != null ? `（${tv("accuracy", { metres: Math.round(l.accuracy) })}）` : ""}
                      </a>
                    ) : null}
                  </div>
                  <p className="mt-1 whitespace-pre-wrap">{l.note}</p>
                  {l.photoFileId ? (
                    <a href={`/api/files/${l.photoFileId}`} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block" data-testid="log-photo">
                      {/* An authorised download, not a static asset: next/image would fetch it without the session. */}
                      {/* eslint-disable-next-line @next/next/no-img-element */}
                      <img src={`/api/files/${l.photoFileId}`} alt={tv("photoAlt")} className="h-20 w-20 rounded border border-slate-200 object-cover" loading="lazy" />
                    </a>
                  ) : null}
                  {l.nextFollowUpAt ? <p className="mt-1 text-xs text-slate-600">{t("nextFollowUp", { date: day(l.nextFollowUpAt) })}</p> : null}
                </li>
              ))}
            </ol>
          ) : <p className="text-sm text-slate-500">{t("noLogs")}</p>}
        </Section>
      </div>
      <div className="space-y-4">
        <Section title={t("contacts")} testId="customer-contacts">
          {contactsEditor ?? (c.contacts.length ? (
            <ul className="space-y-2 text-sm">
              {c.contacts.map((p) => (
                <li key={p.id}>
                  <span className="font-medium">{p.name}</span>
                  {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
                  {p.primary ? <Badge className="ml-2">{t("primary")}</Badge> : null}
                  {p.phone ? <div><a href={tel(p.phone)} className="text-brand-700 underline" data-testid="contact-call">{p.phone}</a></div> : null}
                  {p.email ? <div><a href={`mailto:${p.email}`} className="text-brand-700 underline">{p.email}</a></div> : null}
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-500">{t("noContacts")}</p>)}
        </Section>
        <Section title={t("tasks")} testId="customer-tasks">
          {detail.tasks.length ? (
            <ul className="space-y-1 text-sm">
              {detail.tasks.map((task) => (
                <li key={task.id}>
                  <Link href={`/inbox/${task.id}`} className="text-brand-700 underline">{task.dueAt ? t("taskDue", { name: task.name, date: day(task.dueAt) }) : task.name}</Link>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-500">{t("noTasks")}</p>}
        </Section>
        <Section title={t("related")}><p className="text-sm text-slate-500">{t("relatedHint")}</p></Section>
        <Section title={t("stageTitle")} testId="customer-stage-section">{stage}</Section>
        {reassign ? <Section title={t("reassign")}>{reassign}</Section> : null}
        <Section title={t("history")} testId="customer-history">
          <ul className="space-y-1 text-xs text-slate-600">
            {detail.history.map((h) => (
              <li key={h.id}>{moment(h.at)} · {h.by ?? t("systemActor")} · {ta.has(h.action.replaceAll(".", "_")) ? ta(h.action.replaceAll(".", "_")) : h.action}</li>
            ))}
          </ul>
        </Section>
      </div>
    </div>
  );
}
