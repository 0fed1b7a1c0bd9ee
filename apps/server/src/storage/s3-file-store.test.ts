import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type TS3Server } from "../test/s3-server.ts";
import { HEAD_BYTES } from "./file-store.ts";
import type { TS3FileStore } from "./s3-file-store.ts";

let s3: TS3Server;
let store: TS3FileStore & { spoolDir: string };
beforeAll(async () => {
  s3 = await startS3Server();
  store = s3.store({ prefix: "chiso" });
});
afterAll(async () => s3?.close());

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
async function listed(target: TS3FileStore = store) {
  const out: string[] = [];
  for await (const object of target.listObjects()) out.push(object.sha256);
  return out.sort();
}
/** The `.part` files left in a store's local spool folder. */
const spooled = (target: { spoolDir: string }) =>
  fs.existsSync(target.spoolDir) ? fs.readdirSync(target.spoolDir) : [];

describe("S3-compatible file store, against a real S3 protocol server", () => {
  it("stores content under its sha256, streams it back, lists and removes it", async () => {
    const content = "Quyết định số 123/QĐ-UBND về chuyển đổi số";
    const stored = await store.put(Readable.from([Buffer.from(content)]), { maxBytes: 1000 });
    expect(stored).toMatchObject({ sha256: sha(content), size: Buffer.byteLength(content), created: true });
    expect(stored.head.toString()).toBe(content);
    expect(await store.exists(stored.sha256)).toBe(true);
    expect(await text(store.open(stored.sha256))).toBe(content);
    expect(await listed()).toContain(stored.sha256);
    await store.remove(stored.sha256);
    expect(await store.exists(stored.sha256)).toBe(false);
    expect(await listed()).not.toContain(stored.sha256);
  });

  it("streams a large file in and out unchanged, keeping only its first bytes as the head", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251;
    const chunks = Array.from({ length: 48 }, (_, i) => big.subarray(i * 65536, (i + 1) * 65536));
    const stored = await store.put(Readable.from(chunks), { maxBytes: 4 * 1024 * 1024 });
    expect(stored).toMatchObject({ sha256: sha(big), size: big.length });
    expect(stored.head.equals(big.subarray(0, HEAD_BYTES))).toBe(true);
    const back: Buffer[] = [];
    for await (const chunk of store.open(stored.sha256)) back.push(chunk as Buffer);
    expect(sha(Buffer.concat(back))).toBe(stored.sha256);
  });

  it("stores the same content once and says so", async () => {
    const first = await store.put(Readable.from([Buffer.from("giống nhau")]), { maxBytes: 100 });
    const second = await store.put(Readable.from([Buffer.from("giống "), Buffer.from("nhau")]), { maxBytes: 100 });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ sha256: first.sha256, created: false });
    expect((await listed()).filter((s) => s === first.sha256)).toHaveLength(1);
    expect(await text(store.open(first.sha256))).toBe("giống nhau");
  });

  it("dates an object again when the same content is uploaded again, so the orphan sweep's grace period restarts", async () => {
    const dated = async (sha256: string) => {
      for await (const object of store.listObjects()) if (object.sha256 === sha256) return object.modifiedAt.getTime();
      throw new Error("not listed");
    };
    const first = await store.put(Readable.from([Buffer.from("tải lên lần đầu")]), { maxBytes: 100 });
    const before = await dated(first.sha256);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // S3 dates objects to the second
    await store.put(Readable.from([Buffer.from("tải lên lần đầu")]), { maxBytes: 100 });
    expect(await dated(first.sha256)).toBeGreaterThan(before);
    expect(await text(store.open(first.sha256))).toBe("tải lên lần đầu");
  });

  it("refuses content over the limit or empty, naming the limit in MB, and sends nothing to the bucket", async () => {
    const before = await listed();
    await expect(
      store.put(Readable.from([Buffer.alloc(2 * 1024 * 1024 + 1, 9)]), { maxBytes: 2 * 1024 * 1024 }),
    ).rejects.toMatchObject({ message: "Tệp quá lớn: dung lượng tối đa cho phép là 2 MB." });
    await expect(store.put(Readable.from([]), { maxBytes: 100 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("Tệp rỗng"),
    });
    async function* broken() {
      yield Buffer.alloc(5000, 1);
      throw new Error("kết nối bị ngắt");
    }
    await expect(store.put(broken(), { maxBytes: 100_000 })).rejects.toThrow("kết nối bị ngắt");
    expect(await listed()).toEqual(before);
    expect(spooled(store)).toEqual([]);
  });

  it("keeps stores under different prefixes of one bucket apart", async () => {
    const other = s3.store({ prefix: "tinh-khac" });
    const stored = await other.put(Readable.from([Buffer.from("của tỉnh khác")]), { maxBytes: 100 });
    expect(await other.exists(stored.sha256)).toBe(true);
    expect(await store.exists(stored.sha256)).toBe(false);
    expect(await listed(other)).toEqual([stored.sha256]);
  });

  it("fails the read stream, not the process, when the object is missing", async () => {
    await expect(text(store.open(sha("không có")))).rejects.toThrow();
  });

  it("refuses a name that is not a sha256, so no key can escape the prefix", () => {
    expect(() => store.open("../../etc/passwd")).toThrow("invalid sha256");
  });

  it("says at start when the bucket or the keys are wrong", async () => {
    await expect(store.checkBucket()).resolves.toBeUndefined();
    await expect(s3.store({ bucket: "khong-co-bucket" }).checkBucket()).rejects.toThrow(/cannot be used/);
    const wrongKeys = s3.store({ credentials: { accessKeyId: "S3RVER", secretAccessKey: "sai-mat-khau" } });
    await expect(wrongKeys.checkBucket()).rejects.toThrow(/cannot be used/);
    await expect(wrongKeys.put(Readable.from([Buffer.from("x")]), { maxBytes: 10 })).rejects.toThrow();
  });
});
