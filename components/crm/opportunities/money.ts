/** An amount as money in the reader's locale (¥12,345.60); the amount comes as the database's decimal text. */
export function money(amount: string | number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { style: "currency", currency, minimumFractionDigits: 2 }).format(Number(amount));
}
