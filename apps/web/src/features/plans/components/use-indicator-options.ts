import { useFramework } from "../../frameworks/api/get-framework.ts";
import { useFrameworks } from "../../frameworks/api/list-frameworks.ts";

/**
 * Indicators a task or a target can be linked to: the leaves of the province framework of the plan's first year
 * (a published one first), or of the latest province framework when the plan has no year.
 */
export function useIndicatorOptions(year: number | null | undefined) {
  const frameworks = useFrameworks();
  const province = (frameworks.data ?? [])
    .filter((f) => f.level === "province" && f.status !== "archived")
    .sort((a, b) => Number(b.status === "published") - Number(a.status === "published") || b.year - a.year);
  const framework = province.find((f) => f.year === year) ?? province[0];
  const detail = useFramework(framework?.id);
  const indicators = detail.data?.indicators ?? [];
  const parents = new Set(indicators.map((i) => i.parentId));
  return indicators.filter((i) => !parents.has(i.id)).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }));
}
