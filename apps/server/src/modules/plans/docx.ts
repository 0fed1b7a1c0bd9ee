import type { TRawTable } from "@chiso/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { damagedFile, MAX_XML_BYTES } from "./file-errors.ts";

/** A Word document as the importer needs it: its paragraphs and tables, in document order. */
export interface TWordContent {
  /** Body paragraphs (outside tables), in order; the plan header is read from them. */
  paragraphs: string[];
  tables: (TRawTable & {
    /** Cell texts line by line, for a layout table holding "Số: …" beside the date. */ lines: string[];
  })[];
}

/** fast-xml-parser's ordered form: each node is `{ tag: children, ":@": attributes }` or `{ "#text": text }`. */
type TNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
});

const tagOf = (node: TNode): string | undefined => Object.keys(node).find((k) => k !== ":@");
const childrenOf = (node: TNode): TNode[] => {
  const tag = tagOf(node);
  const children = tag ? node[tag] : undefined;
  return Array.isArray(children) ? (children as TNode[]) : [];
};
const attr = (node: TNode, name: string): string | undefined =>
  (node[":@"] as Record<string, string> | undefined)?.[name];
const child = (node: TNode, tag: string): TNode | undefined => childrenOf(node).find((c) => tagOf(c) === tag);

// Wrappers whose content counts as if it stood in their place (content controls, tracked insertions, links…).
const TRANSPARENT = new Set([
  "w:sdt",
  "w:sdtContent",
  "w:customXml",
  "w:smartTag",
  "w:ins",
  "w:hyperlink",
  "w:fldSimple",
]);
// Text the reader of the printed document does not see.
const HIDDEN = new Set(["w:del", "w:delText", "w:instrText", "w:rPr", "w:pPr", "w:drawing", "w:pict", "w:object"]);

/** The visible text of a run-level subtree: w:t, tabs as spaces, breaks as new lines. */
function runText(nodes: readonly TNode[]): string {
  let text = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag || HIDDEN.has(tag)) continue;
    if (tag === "#text") continue;
    if (tag === "w:t")
      text += childrenOf(node)
        .map((c) => String(c["#text"] ?? ""))
        .join("");
    else if (tag === "w:tab") text += " ";
    else if (tag === "w:br" || tag === "w:cr") text += "\n";
    else if (tag === "w:noBreakHyphen") text += "-";
    else text += runText(childrenOf(node));
  }
  return text;
}

const paragraphText = (p: TNode) =>
  runText(childrenOf(p))
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();

/** Block-level children with content controls and custom XML unwrapped. */
function blocks(nodes: readonly TNode[]): TNode[] {
  return nodes.flatMap((node) => (TRANSPARENT.has(tagOf(node) ?? "") ? blocks(childrenOf(node)) : [node]));
}

/** A cell's text: its paragraphs as lines, nested tables flattened row by row. */
function cellText(tc: TNode): string {
  const lines: string[] = [];
  for (const node of blocks(childrenOf(tc))) {
    const tag = tagOf(node);
    if (tag === "w:p") lines.push(paragraphText(node));
    else if (tag === "w:tbl") lines.push(...readTable(node).rows.map((r) => r.filter(Boolean).join(" ")));
  }
  return lines.filter(Boolean).join("\n");
}

/**
 * A table on its grid: a cell spanning columns (w:gridSpan) fills the first and leaves the others empty, a cell
 * continuing a vertical merge (w:vMerge without "restart") repeats the text of the merged cell above, and cells
 * skipped at the start or end of a row (w:gridBefore/After) are empty. So every row has the table's width.
 */
function readTable(tbl: TNode): { rows: string[][] } {
  const gridWidth = childrenOf(child(tbl, "w:tblGrid") ?? {}).filter((c) => tagOf(c) === "w:gridCol").length;
  const rows: string[][] = [];
  for (const tr of blocks(childrenOf(tbl)).filter((n) => tagOf(n) === "w:tr")) {
    const trPr = child(tr, "w:trPr");
    let col = Number(attr(child(trPr ?? {}, "w:gridBefore") ?? {}, "w:val") ?? 0);
    const cells: string[] = Array.from({ length: col }, () => "");
    const above = rows[rows.length - 1] ?? [];
    for (const tc of blocks(childrenOf(tr)).filter((n) => tagOf(n) === "w:tc")) {
      const tcPr = child(tc, "w:tcPr") ?? {};
      const span = Math.max(1, Number(attr(child(tcPr, "w:gridSpan") ?? {}, "w:val") ?? 1));
      const vMerge = child(tcPr, "w:vMerge");
      const continues = vMerge !== undefined && attr(vMerge, "w:val") !== "restart";
      cells[col] = continues ? (above[col] ?? "") : cellText(tc);
      for (let i = 1; i < span; i++) cells[col + i] = "";
      col += span;
    }
    const width = Math.max(gridWidth, cells.length);
    rows.push(Array.from({ length: width }, (_, i) => cells[i] ?? ""));
  }
  return { rows };
}

async function readEntry(zip: JSZip, name: string, fileName: string): Promise<string | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  // Streamed with a cap: a small zip can inflate to gigabytes.
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = entry.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_XML_BYTES) {
        stream.pause();
        reject(damagedFile(fileName, "nội dung văn bản quá lớn"));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve());
    stream.on("error", () => reject(damagedFile(fileName)));
  });
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads the paragraphs and tables of a .docx, in order; the table title is the text just above it. */
export async function readWordDocument(content: Buffer, fileName: string): Promise<TWordContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw damagedFile(fileName);
  }
  const xml = await readEntry(zip, "word/document.xml", fileName);
  if (xml === null) throw damagedFile(fileName, "thiếu phần nội dung word/document.xml");
  let parsed: TNode[];
  try {
    // The parser is lenient with unclosed tags; a document Word would refuse to open is refused here too.
    if (XMLValidator.validate(xml) !== true) throw new Error("invalid XML");
    parsed = parser.parse(xml) as TNode[];
  } catch {
    throw damagedFile(fileName, "nội dung XML không đọc được");
  }
  const document = parsed.find((n) => tagOf(n) === "w:document");
  const body = document ? child(document, "w:body") : undefined;
  if (!body) throw damagedFile(fileName, "không có phần thân văn bản");

  const paragraphs: string[] = [];
  const tables: TWordContent["tables"] = [];
  let sinceTable: string[] = [];
  for (const node of blocks(childrenOf(body))) {
    const tag = tagOf(node);
    if (tag === "w:p") {
      const text = paragraphText(node);
      if (text) {
        paragraphs.push(
          ...text
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
        );
        sinceTable.push(text);
      }
    } else if (tag === "w:tbl") {
      const { rows } = readTable(node);
      const title = sinceTable.slice(-3).join(" ").replace(/\s+/g, " ").trim();
      tables.push({
        title: title || null,
        rows,
        lines: rows
          .flatMap((r) => r.flatMap((cell) => cell.split("\n")))
          .map((l) => l.trim())
          .filter(Boolean),
      });
      sinceTable = [];
    }
  }
  return { paragraphs, tables };
}
