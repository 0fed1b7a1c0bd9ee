import { describe, expect, it } from "vitest";
import { isCommonPassword } from "../contracts/common-passwords.ts";
import { ZUnitCreate } from "../contracts/units.ts";
import { cleanFileName, cleanLine, cleanMultiline, fromSpreadsheet, spreadsheetSafe } from "./clean.ts";

describe("cleanLine", () => {
  it.each([
    ["Phường Hòa".normalize("NFD"), "Phường Hòa".normalize("NFC")],
    ["Phường\u200b Hòa", "Phường Hòa"],
    ["Sở\u00a0\tKH&CN\r\n", "Sở KH&CN"],
    ["tai\u202egnp.exe", "taignp.exe"],
    ["a\u0000b\u001bc\u007f", "abc"],
    ["\ufeffBáo cáo", "Báo cáo"],
  ])("%j → %j", (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe("cleanMultiline", () => {
  it("keeps line breaks, drops the rest", () => {
    expect(cleanMultiline(" Dòng 1\r\nDòng\u200d 2\u0007 ")).toBe("Dòng 1\nDòng 2");
  });
});

describe("cleanFileName", () => {
  it("keeps the last segment and removes CR/LF and controls", () => {
    expect(cleanFileName("C:\\Users\\a\\ke-hoach\r\n.pdf")).toBe("ke-hoach .pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("\u200b\u0000", "tai-lieu")).toBe("tai-lieu");
  });
});

describe("contracts clean names before checking them", () => {
  it("an NFD or zero-width look-alike becomes the same unit name", () => {
    const nfd = ZUnitCreate.parse({ name: `${"Phường Hòa".normalize("NFD")}\u200b`, kind: "commune" });
    const nfc = ZUnitCreate.parse({ name: "Phường Hòa", kind: "commune" });
    expect(nfd.name).toBe(nfc.name);
  });
  it("a name of invisible characters only is empty, so refused", () => {
    expect(ZUnitCreate.safeParse({ name: "\u200b\u200b\u200b", kind: "commune" }).success).toBe(false);
  });
});

describe("isCommonPassword", () => {
  it.each(["password1", "Password123!", "matkhau@2025", "Anhyeuem1", "qwerty123", "abcdef12", "aaaaaaa1", "admin@123"])(
    "refuses %s",
    (p) => expect(isCommonPassword(p)).toBe(true),
  );
  it.each(["MatKhauMoi123", "Thamdinh#2025x", "Hoa-sen-no-7", "ChiSo@2025"])("accepts %s", (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );
});

describe("spreadsheetSafe", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+84 258 3822 000", "'+84 258 3822 000"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["Sở KH&CN", "Sở KH&CN"],
  ])("%j is exported as %j and read back as it was", (text, exported) => {
    expect(spreadsheetSafe(text)).toBe(exported);
    expect(fromSpreadsheet(exported)).toBe(text);
  });
});
