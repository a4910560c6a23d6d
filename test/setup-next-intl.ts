// next-intl's server functions need a Next.js request; under Vitest, translations are
// the default language's (zh-CN), as a request without a NEXT_LOCALE cookie gets them.
import { vi } from "vitest";

vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  const messages = await loadMessages("zh-CN");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace: namespace as never }) };
});
