import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_CHARS, sanitizeFileName } from "./sanitize-file-name";

describe("sanitizeFileName", () => {
  it("strips Unix and Windows paths", () => {
    expect(sanitizeFileName("../../etc/passwd", "txt")).toBe("passwd.txt");
    expect(sanitizeFileName("..\\..\\Windows\\System32\\证书.pdf", "pdf")).toBe("证书.pdf");
    expect(sanitizeFileName("/abs/path/report.pdf", "pdf")).toBe("report.pdf");
  });

  it("removes control and invisible formatting characters", () => {
    expect(sanitizeFileName("营业\u0000执照\u0007\r\n.pdf", "pdf")).toBe("营业执照.pdf");
    // A right-to-left override would make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
    expect(sanitizeFileName("invoice\u202Efdp.exe", "pdf")).toBe("invoicefdp.exe");
    expect(sanitizeFileName("a\u200Bb.png", "png")).toBe("ab.png");
  });

  it("keeps Chinese names, full-width punctuation and inner spaces", () => {
    expect(sanitizeFileName("苏州精密五金 营业执照（2024版）.pdf", "pdf")).toBe("苏州精密五金 营业执照（2024版）.pdf");
    expect(sanitizeFileName("质检报告 第3批.xlsx", "xlsx")).toBe("质检报告 第3批.xlsx");
  });

  it("replaces characters Windows refuses and drops leading dots", () => {
    expect(sanitizeFileName('a<b>:"c|?*.pdf', "pdf")).toBe("a_b___c___.pdf");
    expect(sanitizeFileName("..hidden.txt", "txt")).toBe("hidden.txt");
    expect(sanitizeFileName("  name.pdf.  ", "pdf")).toBe("name.pdf");
  });

  it("falls back to a generic name with the detected extension", () => {
    expect(sanitizeFileName("", "pdf")).toBe("file.pdf");
    expect(sanitizeFileName(null, "png")).toBe("file.png");
    expect(sanitizeFileName("../..", "pdf")).toBe("file.pdf");
    expect(sanitizeFileName("\u0000\u0001", "gif")).toBe("file.gif");
    expect(sanitizeFileName("营业执照", "png")).toBe("营业执照.png");
  });

  it("limits the length in characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"证".repeat(300)}.pdf`, "pdf");
    expect([...name].length).toBe(MAX_FILE_NAME_CHARS);
    expect(name.endsWith("证.pdf")).toBe(true);
  });

  it("normalises to NFC", () => {
    expect(sanitizeFileName("cafe\u0301.txt", "txt")).toBe("café.txt");
  });
});
