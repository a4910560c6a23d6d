"use client";

import { useLocale } from "next-intl";
import { useCallback } from "react";

/** Records named in both languages show the one of the current locale. */
export function useName() {
  const zh = useLocale() === "zh-CN";
  return useCallback((x: { nameZh: string; nameEn: string }) => (zh ? x.nameZh : x.nameEn), [zh]);
}
