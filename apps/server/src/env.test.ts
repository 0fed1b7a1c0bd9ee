import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";
import { loggable } from "./http/errors.ts";

describe("configuration", () => {
  it("defaults to no trusted proxy and whole-hour sessions", () => {
    const parsed = parseEnv({});
    expect(parsed.ok && parsed.env.TRUST_PROXY).toBe(false);
    expect(parsed.ok && parsed.env.SESSION_TTL_HOURS).toBe(12);
  });

  it.each([
    ["true", true],
    ["2", 2],
    ["127.0.0.1, 10.0.0.0/8", ["127.0.0.1", "10.0.0.0/8"]],
  ])("reads TRUST_PROXY=%j", (value, expected) => {
    const parsed = parseEnv({ TRUST_PROXY: value });
    expect(parsed.ok && parsed.env.TRUST_PROXY).toEqual(expected);
  });

  it("lists every bad variable in one readable line each, with the value given", () => {
    const parsed = parseEnv({
      SESSION_TTL_HOURS: "1.5",
      PORT: "abc",
      TRUST_PROXY: "proxy của tôi",
      ALLOWED_ORIGINS: "localhost:5173",
      DATABASE_URL: "mysql://user:secret@db/chiso",
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SESSION_TTL_HOURS: must be a whole number of hours, e\.g\. 12 \(was "1\.5"\)$/),
        expect.stringMatching(/^PORT: must be a port number \(1–65535\) \(was "abc"\)$/),
        expect.stringMatching(/^TRUST_PROXY: must be false, true, a number of proxies/),
        expect.stringMatching(/^ALLOWED_ORIGINS: must be comma-separated http\(s\):\/\/ origins/),
      ]),
    );
    // A URL may hold a password: its value is never echoed.
    expect(problems.join("\n")).not.toContain("secret");
  });
});

describe("the PostgreSQL pool", () => {
  it("is sized only when asked (otherwise db/client.ts sizes it for the machine)", () => {
    const unset = parseEnv({});
    expect(unset.ok && unset.env.DATABASE_POOL_SIZE).toBeUndefined();
    const sized = parseEnv({ DATABASE_POOL_SIZE: "24" });
    expect(sized.ok && sized.env.DATABASE_POOL_SIZE).toBe(24);
  });
});

describe("the object store", () => {
  it("keeps evidence on the local disk unless FILES_URL names a bucket", () => {
    const local = parseEnv({});
    expect(local.ok && local.env.FILES_URL).toBeUndefined();
    const s3 = parseEnv({
      FILES_URL: "s3://chiso-minh-chung/tinh",
      S3_ENDPOINT: "http://10.0.0.20:9000",
      S3_ACCESS_KEY_ID: "chiso",
      S3_SECRET_ACCESS_KEY: "mat-khau-dai",
    });
    expect(s3.ok && s3.env).toMatchObject({ FILES_URL: "s3://chiso-minh-chung/tinh", S3_REGION: "us-east-1" });
  });

  it("refuses a bad bucket URL, S3 settings without a bucket and a key without its secret — never echoing the secret", () => {
    const bad = parseEnv({ FILES_URL: "https://minio/chiso" });
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^FILES_URL: must be s3:\/\/bucket/)]);
    const orphan = parseEnv({ S3_ENDPOINT: "http://minio:9000", S3_SECRET_ACCESS_KEY: "bi-mat" });
    const orphanProblems = orphan.ok ? [] : orphan.problems;
    expect(orphanProblems).toEqual([
      expect.stringMatching(/^S3_ENDPOINT: is used only with FILES_URL/),
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY: is used only with FILES_URL/),
    ]);
    expect(orphanProblems.join("\n")).not.toContain("bi-mat");
    const half = parseEnv({ FILES_URL: "s3://chiso", S3_ACCESS_KEY_ID: "chiso" });
    expect(half.ok ? [] : half.problems).toEqual([
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY: must be set together with the other S3 key/),
    ]);
  });
});

describe("error logging", () => {
  it("keeps the kind, codes and stack of an error, never its message (SQL and parameters)", () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    const err = Object.assign(
      new Error('Failed query: insert into "units" ("name") values ($1)\nparams: Phòng Văn thư của bà Nguyễn Thị A'),
      { name: "DrizzleQueryError", cause },
    );
    const logged = JSON.stringify(loggable(err));
    expect(logged).toContain("DrizzleQueryError");
    expect(logged).toContain("22021");
    expect(logged).not.toContain("insert into");
    expect(logged).not.toContain("Nguyễn Thị A");
  });
});
