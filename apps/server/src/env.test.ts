import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";

describe("the environment, parsed once at start", () => {
  it.each([
    [undefined, true],
    ["true", true],
    ["false", false],
    ["10.0.0.5,10.0.1.0/24", "10.0.0.5,10.0.1.0/24"],
  ])("TRUST_PROXY=%s trusts %s", (value, trusted) => {
    expect(loadEnv(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toBe(trusted);
  });

  it("sizes the PostgreSQL pool only when asked (otherwise db/client.ts sizes it for the machine)", () => {
    expect(loadEnv({}).DATABASE_POOL_SIZE).toBeUndefined();
    expect(loadEnv({ DATABASE_POOL_SIZE: "24" }).DATABASE_POOL_SIZE).toBe(24);
  });
});
