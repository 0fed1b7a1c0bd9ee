import { createRequire } from "node:module";
import { Readable } from "node:stream";
import type { Archiver, ZipOptions } from "archiver";

// archiver 5.x is a factory function (see modules/exports/evidence-zip.ts for why it is required this way).
const archiver = createRequire(import.meta.url)("archiver") as (format: "zip", options?: ZipOptions) => Archiver;

/*
 * Hostile Office files for tests, made at test time (nothing binary checked in): zip bombs that unpack a few
 * hundred kilobytes to hundreds of megabytes, archives with thousands of entries, and random mutations of real files.
 */

interface TZipEntry {
  name: string;
  content: string | Buffer | (() => Readable);
}

export async function zipOf(entries: TZipEntry[]): Promise<Buffer> {
  const archive = archiver("zip", { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on("end", () => resolve());
    archive.on("error", reject);
  });
  for (const entry of entries) {
    archive.append(typeof entry.content === "function" ? entry.content() : entry.content, { name: entry.name });
  }
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** `head`, then `unit` repeated until `megabytes` MB, then `tail`, produced as a stream (never held in memory). */
function repeated(head: string, unit: string, megabytes: number, tail: string): () => Readable {
  return () => {
    const block = Buffer.from(unit.repeat(Math.ceil(65_536 / unit.length)));
    const blocks = Math.ceil((megabytes * 1024 * 1024) / block.length);
    return Readable.from(
      (function* () {
        yield Buffer.from(head);
        for (let i = 0; i < blocks; i++) yield block;
        yield Buffer.from(tail);
      })(),
    );
  };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

/** An .xlsx whose one sheet unpacks to `megabytes` MB of identical cells. */
export function xlsxBomb(megabytes = 400): Promise<Buffer> {
  return zipOf([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    {
      name: "xl/workbook.xml",
      content: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      content: repeated(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
        `<row><c t="inlineStr"><is><t>x</t></is></c></row>`,
        megabytes,
        "</sheetData></worksheet>",
      ),
    },
  ]);
}

/** A .docx whose body unpacks to `megabytes` MB of table rows. */
export function docxBomb(megabytes = 400): Promise<Buffer> {
  return zipOf([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    {
      name: "word/document.xml",
      content: repeated(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>`,
        `<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>`,
        megabytes,
        "</w:tbl></w:body></w:document>",
      ),
    },
  ]);
}

/** A zip of `count` tiny entries (each worth a parser's bookkeeping). */
export function manyEntries(count: number, first = "xl/workbook.xml"): Promise<Buffer> {
  return zipOf([
    { name: first, content: "<x/>" },
    ...Array.from({ length: count }, (_, i) => ({ name: `xl/media/p${i}.xml`, content: "<x/>" })),
  ]);
}

/** A small deterministic random source, so a failing mutation can be replayed by its seed. */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One random mutation of `content`: flipped bytes, a truncation, a duplicated or zeroed slice, or garbage. */
export function mutate(content: Buffer, seed: number): Buffer {
  const random = seeded(seed);
  const at = (n = content.length) => Math.floor(random() * n);
  const copy = Buffer.from(content);
  switch (seed % 5) {
    case 0:
      for (let i = 0; i < 1 + at(40); i++) copy[at()] = at(256);
      return copy;
    case 1:
      return copy.subarray(0, at());
    case 2: {
      const start = at();
      return Buffer.concat([copy.subarray(0, start), copy.subarray(start - at(start))]);
    }
    case 3: {
      const start = at();
      copy.fill(0, start, Math.min(copy.length, start + at(2048)));
      return copy;
    }
    default:
      return Buffer.from(Array.from({ length: 10 + at(4000) }, () => at(256)));
  }
}

/** A valid zip whose main XML part (sheet or document body) is cut, repeated or spiked: what a parser must survive. */
export async function mutateXmlInside(content: Buffer, seed: number): Promise<Buffer> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(content);
  const name = ["word/document.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"].find((n) =>
    zip.file(n),
  );
  if (!name) return content;
  const xml = await zip.file(name)!.async("string");
  const random = seeded(seed);
  const at = () => Math.floor(random() * xml.length);
  const [a, b] = [at(), at()].sort((x, y) => x - y) as [number, number];
  const spikes = ["<", "&#0;", "\u0000", "]]>", '<c r="XFD1048576"><v>1</v></c>', '<row r="1048576">', "&lt;"];
  const mutated = [
    xml.slice(0, a) + xml.slice(b),
    xml.slice(0, b) + xml.slice(a, b) + xml.slice(b),
    xml.slice(0, a) + spikes[seed % spikes.length] + xml.slice(a),
  ][seed % 3]!;
  zip.file(name, mutated);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
