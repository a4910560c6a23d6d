"use client";

import { useLocale, useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Dictionary } from "./dom-translator";
import type { FieldTexts } from "./formjs-fields";
import type { PropertyTexts } from "./formjs-properties";

type FormsMessages = { forms?: { fields?: FieldTexts; properties?: PropertyTexts; formjs?: Dictionary } };

/**
 * The words the form-js modules need, in the UI language: field type names and
 * defaults, our properties entries, and the dictionary for form-js's own English
 * (empty in English, where nothing needs rewriting). Raw messages: they go into
 * preact code, and some hold placeholders that code fills in.
 */
export function useDesignerTexts() {
  const messages = useMessages() as FormsMessages;
  const english = useLocale() === "en";
  const t = useTranslations("forms.preview");
  return useMemo(() => {
    const forms = messages.forms ?? {};
    const fieldTexts = forms.fields as FieldTexts;
    const sample = (key: string, label: string, quantity: number) => ({ key, label, quantity, unit: t("unit") });
    const lines = [sample("1", t("sample1"), 500), sample("2", t("sample2"), 200)];
    return {
      fieldTexts,
      propertyTexts: forms.properties as PropertyTexts,
      dictionary: english ? {} : (forms.formjs ?? {}),
      sampleLines: lines,
      sampleMembers: [{ label: t("member1"), value: "member-1" }, { label: t("member2"), value: "member-2" }],
    };
  }, [messages, english, t]);
}
