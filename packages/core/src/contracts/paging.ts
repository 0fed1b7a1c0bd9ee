import { z } from "zod";

/** Page of a long list, chosen by the caller: 1-based page, at most 500 rows. */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** One page of rows and how many rows the whole filtered list has. */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
