import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docxBomb, manyEntries, xlsxBomb } from "../test/hostile-files.ts";
import { inspectOfficeFile, isDamagedArchive, OFFICE_LIMITS } from "./office-file.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../modules/plans/fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("the safe Office file reader", () => {
  it("reads real plans and counts their rows and cells", async () => {
    const xlsx = await inspectOfficeFile(fixture("seed-001.xlsx"), "ke-hoach.xlsx");
    expect(xlsx.names).toContain("xl/workbook.xml");
    expect(xlsx.rows).toBeGreaterThan(10);
    expect(xlsx.cells).toBeGreaterThan(xlsx.rows);
    const docx = await inspectOfficeFile(fixture("seed-001.docx"), "ke-hoach.docx");
    expect(docx.names).toContain("word/document.xml");
    expect(docx.rows).toBeGreaterThan(10);
  });

  it("refuses an .xlsx zip bomb by its declared size or its ratio, before inflating it", async () => {
    const bomb = await xlsxBomb(400);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const message = await refusal(inspectOfficeFile(bomb, "bom.xlsx"));
    expect(message).toContain('Tệp "bom.xlsx" bị từ chối: dung lượng sau giải nén vượt 120 MB');
    expect(await refusal(inspectOfficeFile(await xlsxBomb(60), "bom.xlsx"))).toContain("tỷ lệ nén bất thường");
  });

  it("refuses a .docx bomb on unpacked size and table rows when the ratio looks ordinary", async () => {
    const bomb = await docxBomb(30);
    const loose = { ...OFFICE_LIMITS, maxRatio: Number.POSITIVE_INFINITY };
    expect(
      await refusal(inspectOfficeFile(bomb, "bom.docx", { ...loose, maxUnpackedBytes: 8 * 1024 * 1024 })),
    ).toContain("dung lượng sau giải nén vượt 8 MB");
    expect(await refusal(inspectOfficeFile(bomb, "bom.docx", { ...loose, maxRows: 5000 }))).toContain(
      "có hơn 5.000 dòng",
    );
  });

  it("refuses too many cells, too many entries and a file too large", async () => {
    const sheet = await xlsxBomb(5);
    const loose = { ...OFFICE_LIMITS, maxRatio: Number.POSITIVE_INFINITY, maxRows: Number.POSITIVE_INFINITY };
    expect(await refusal(inspectOfficeFile(sheet, "o.xlsx", { ...loose, maxCells: 10_000 }))).toContain("ô dữ liệu");
    expect(await refusal(inspectOfficeFile(await manyEntries(2500), "nhieu.xlsx"))).toContain("hơn 2000 phần");
    expect(
      await refusal(inspectOfficeFile(sheet, "lon.xlsx", { ...OFFICE_LIMITS, maxCompressedBytes: 1000 })),
    ).toContain("tệp lớn hơn");
  });

  it("tells a damaged zip from a hostile one", async () => {
    const err = await inspectOfficeFile(Buffer.from("PK\u0003\u0004 không phải zip"), "hong.xlsx").catch((e) => e);
    expect(isDamagedArchive(err)).toBe(true);
    const bomb = await inspectOfficeFile(await xlsxBomb(50), "bom.xlsx").catch((e) => e);
    expect(isDamagedArchive(bomb)).toBe(false);
  });
});
