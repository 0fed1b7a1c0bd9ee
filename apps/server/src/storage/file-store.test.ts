import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalFileStore, HEAD_BYTES, type TFileStore } from "./file-store.ts";

let root: string;
let store: TFileStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-store-"));
  store = createLocalFileStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every regular file under a folder of the store, relative to it. */
function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(full, f)).isFile());
}

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

describe("local file store", () => {
  it("stores content under its sha256 and streams it back", async () => {
    const content = "Quyết định số 123/QĐ-UBND";
    const stored = await store.put(Readable.from([Buffer.from(content)]), { maxBytes: 1000 });
    expect(stored).toMatchObject({ sha256: sha(content), size: Buffer.byteLength(content), created: true });
    expect(stored.head.toString()).toBe(content);
    expect(filesUnder("objects")).toEqual([path.join(stored.sha256.slice(0, 2), stored.sha256.slice(2))]);
    expect(await text(store.open(stored.sha256))).toBe(content);
    expect(await store.exists(stored.sha256)).toBe(true);
    await store.remove(stored.sha256);
    expect(await store.exists(stored.sha256)).toBe(false);
  });

  it("keeps only the first bytes as the head of a large file, across chunks", async () => {
    const chunks = [Buffer.alloc(3000, 1), Buffer.alloc(3000, 2), Buffer.alloc(3000, 3)];
    const stored = await store.put(Readable.from(chunks), { maxBytes: 10_000 });
    expect(stored.size).toBe(9000);
    expect(stored.head.length).toBe(HEAD_BYTES);
    expect(stored.head.equals(Buffer.concat(chunks).subarray(0, HEAD_BYTES))).toBe(true);
  });

  it("stores the same content once and says so", async () => {
    const first = await store.put(Readable.from([Buffer.from("giống nhau")]), { maxBytes: 100 });
    const second = await store.put(Readable.from([Buffer.from("giống "), Buffer.from("nhau")]), { maxBytes: 100 });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ sha256: first.sha256, created: false });
    expect(filesUnder("objects")).toHaveLength(1);
    expect(filesUnder("tmp")).toEqual([]);
  });

  it("refuses content over the limit, naming it in MB, and leaves nothing behind", async () => {
    const source = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(store.put(source, { maxBytes: 1024 * 1024 - 1 })).resolves.toBeTruthy();
    await expect(
      store.put(Readable.from([Buffer.alloc(1000), Buffer.alloc(1000, 7)]), { maxBytes: 1500 }),
    ).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringContaining("MB"),
    });
    await expect(
      store.put(Readable.from([Buffer.alloc(2 * 1024 * 1024 + 1, 9)]), { maxBytes: 2 * 1024 * 1024 }),
    ).rejects.toMatchObject({ message: "Tệp quá lớn: dung lượng tối đa cho phép là 2 MB." });
    expect(filesUnder("tmp")).toEqual([]);
    expect(filesUnder("objects")).toHaveLength(1); // only the first, accepted upload
  });

  it("refuses an empty file", async () => {
    await expect(store.put(Readable.from([]), { maxBytes: 100 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("Tệp rỗng"),
    });
    expect(filesUnder("tmp")).toEqual([]);
    expect(filesUnder("objects")).toEqual([]);
  });

  it("leaves nothing when the source fails midway", async () => {
    async function* broken() {
      yield Buffer.alloc(5000, 1);
      throw new Error("kết nối bị ngắt");
    }
    await expect(store.put(broken(), { maxBytes: 100_000 })).rejects.toThrow("kết nối bị ngắt");
    expect(filesUnder("tmp")).toEqual([]);
    expect(filesUnder("objects")).toEqual([]);
  });

  it("refuses a name that is not a sha256, so no path can escape the store", () => {
    expect(() => store.open("../../etc/passwd")).toThrow("invalid sha256");
  });
});
