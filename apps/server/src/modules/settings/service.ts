import type { TProvinceSettings } from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import type { TServiceContext } from "../../http/context.ts";
import { recordAudit } from "../audit/repo.ts";
import { readSetting, writeSetting } from "./repo.ts";

const KEY = "province";

/** Khánh Hòa and the targets of its plan 4636 (DTI ≥ 800/1000, top 20) until the coordinator says otherwise. */
export const DEFAULT_PROVINCE_SETTINGS: TProvinceSettings = {
  province: "Khánh Hòa",
  targetTotal: 800,
  targetRank: 20,
  targetMainsTop10: 4,
};

export async function getProvinceSettings(db: TDbOrTx): Promise<TProvinceSettings> {
  return { ...DEFAULT_PROVINCE_SETTINGS, ...((await readSetting<Partial<TProvinceSettings>>(db, KEY)) ?? {}) };
}

export async function updateProvinceSettings(ctx: TServiceContext, input: TProvinceSettings) {
  await ctx.db.transaction(async (tx) => {
    const before = await getProvinceSettings(tx);
    await writeSetting(tx, KEY, input);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "settings.update",
      entityType: "settings",
      entityId: KEY,
      before,
      after: input,
      ip: ctx.ip,
    });
  });
  return getProvinceSettings(ctx.db);
}
