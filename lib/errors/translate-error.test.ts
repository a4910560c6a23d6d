import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "../i18n/messages";
import { APP_ERROR_CODES, AppError } from "./app-error";
import { translateError, type Translate } from "./translate-error";

async function translator(locale: "zh-CN" | "en"): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), {
    has: (key: string) => t.has(key as never),
  });
}

describe("translateError", () => {
  it("maps an AppError code to its Chinese message with parameters", async () => {
    const r = translateError(new AppError("throttled", { params: { minutes: 15 } }), await translator("zh-CN"));
    expect(r).toMatchObject({ code: "throttled", expected: true });
    expect(r.message).toBe("登录失败次数过多，请在 15 分钟后再试。");
  });

  it("maps the same code to English", async () => {
    const r = translateError(new AppError("forbidden"), await translator("en"));
    expect(r.message).toBe("You are not allowed to do this.");
  });

  it("translates field errors and falls back for unknown field codes", async () => {
    const r = translateError(
      new AppError("validation", { fieldErrors: { username: "validation.taken", other: "validation.nope" } }),
      await translator("zh-CN"),
    );
    expect(r.fieldErrors).toEqual({ username: "已被占用。", other: "输入无效。" });
  });

  it("hides unexpected errors behind the generic message", async () => {
    const r = translateError(new Error("relation \"Employee\" does not exist"), await translator("zh-CN"));
    expect(r).toEqual({ code: "internal", message: "系统出现意外错误，已记录。请稍后重试。", expected: false });
  });

  it("every AppError code has a message in both languages", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = await translator(locale);
      for (const code of APP_ERROR_CODES) expect(t.has(`errors.${code}`), `${locale} errors.${code}`).toBe(true);
    }
  });
});
