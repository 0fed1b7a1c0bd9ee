import { PROVINCE_PATH, ZProvinceSettings } from "@chiso/core";
import type { TApp } from "../../http/app-types.ts";
import { authorize, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { getProvinceSettings, updateProvinceSettings } from "./service.ts";

export function settingsRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/settings/province",
    { schema: { tags: ["settings"], summary: "Tên tỉnh và mục tiêu DTI", response: { 200: ZProvinceSettings } } },
    async (request) => {
      authorize(request, "settings.view", { scopePath: PROVINCE_PATH });
      return getProvinceSettings(deps.db);
    },
  );
  app.put(
    "/api/settings/province",
    {
      schema: {
        tags: ["settings"],
        summary: "Đổi tên tỉnh và mục tiêu DTI",
        body: ZProvinceSettings,
        response: { 200: ZProvinceSettings },
      },
    },
    async (request) => {
      const actor = authorize(request, "settings.manage", { scopePath: PROVINCE_PATH });
      return updateProvinceSettings(serviceContext(request, deps, actor), request.body);
    },
  );
}
