import { describe, expect, it } from "vitest";
import { passwordProblem, passwordProblemCode } from "./password-rules";

// The rules of a password a portal user picks: one problem at a time, in this order.
describe("password rules", () => {
  const ctx = { username: "qianfeng", current: "Initial2026x" };
  it.each([
    ["", "tooShort"],
    ["abc123", "tooShort"],
    ["abcd123", "tooShort"],
    ["x".repeat(195) + "12345a", "tooLong"],
    ["abcdefgh", "lettersAndDigits"],
    ["12345678", "lettersAndDigits"],
    ["密码密码密码密码", "lettersAndDigits"],
    ["QianFeng", "lettersAndDigits"],
    ["Initial2026x", "sameAsCurrent"],
    ["abcd1234", null],
    ["供应商密码2026", null],
    ["Qianfeng2026", null],
  ] as const)("%j -> %s", (password, problem) => {
    expect(passwordProblem(password, ctx)).toBe(problem);
  });

  it("a password equal to the username (whatever the case) is refused", () => {
    expect(passwordProblem("S001user9", { username: "s001user9" })).toBe("sameAsUsername");
    expect(passwordProblem("s001user9", { username: "s001user9", current: "other1234" })).toBe("sameAsUsername");
  });

  it("without a current password to compare, only the other rules apply", () => {
    expect(passwordProblem("Initial2026x", { username: "qianfeng" })).toBeNull();
  });

  it("the field-error code carries the figures the message needs", () => {
    expect(passwordProblemCode("tooShort")).toBe("portalAccount.rules.tooShort?min=8&max=200");
  });
});
