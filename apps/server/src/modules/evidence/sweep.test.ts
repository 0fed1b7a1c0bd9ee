import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalFileStore } from "../../storage/file-store.ts";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import { sweepOrphans } from "./sweep.ts";

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const ago = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe("orphan sweep", () => {
  it("removes old .part files and unreferenced objects, keeps documents' files and anything recent", async () => {
    const admin = await t.login("admin");
    const body = multipartBody({ name: "quyet-dinh.pdf", content: PDF, type: "application/pdf" });
    const uploaded = await t.app.inject({
      method: "POST",
      url: "/api/documents",
      headers: { cookie: admin, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const kept = uploaded.json().sha256 as string;

    // What a kill -9 leaves: an unfinished upload and an object whose document row was never written.
    // The same folder the app's store writes to.
    const files = createLocalFileStore(t.filesRoot);
    const orphan = await files.put(Readable.from([Buffer.from("%PDF-1.4 mồ côi")]), { maxBytes: 1000 });
    const recentOrphan = await files.put(Readable.from([Buffer.from("%PDF-1.4 mới tải")]), { maxBytes: 1000 });
    const part = path.join(t.filesRoot, "tmp", "dang-tai.part");
    fs.writeFileSync(part, "nửa chừng");
    const objectFile = (sha: string) => path.join(t.filesRoot, "objects", sha.slice(0, 2), sha.slice(2));
    for (const file of [part, objectFile(orphan.sha256), objectFile(kept)]) fs.utimesSync(file, ago(48), ago(48));

    const result = await sweepOrphans(t.database.db, files, { now: new Date(), graceHours: 24 });
    expect(result.tempFiles).toEqual(["dang-tai.part"]);
    expect(result.objects).toEqual([orphan.sha256]);
    expect(fs.existsSync(part)).toBe(false);
    expect(await files.exists(orphan.sha256)).toBe(false);
    expect(await files.exists(recentOrphan.sha256)).toBe(true);
    expect(await files.exists(kept)).toBe(true);
    const download = await t.app.inject({
      method: "GET",
      url: `/api/documents/${uploaded.json().id}/content`,
      headers: { cookie: admin },
    });
    expect(download.statusCode).toBe(200);
  });
});
