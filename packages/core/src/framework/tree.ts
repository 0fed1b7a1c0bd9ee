import { roundPoints } from "../scoring/round.ts";

/** Minimal shape of a framework node for tree arithmetic. */
export interface TTreeNode {
  id: string;
  parentId: string | null;
  code: string;
  sortOrder: number;
  maxScore: number;
}

export type TTree<T extends TTreeNode> = T & { children: TTree<T>[] };

/** Builds the ordered tree from a flat list; nodes whose parent is missing become roots. */
export function buildTree<T extends TTreeNode>(nodes: readonly T[]): TTree<T>[] {
  const byId = new Map<string, TTree<T>>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: TTree<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortDeep = (list: TTree<T>[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || compareCodes(a.code, b.code));
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** "6.10" after "6.9": compares dotted codes part by part, numerically where possible. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const diff = Number(x) - Number(y);
    if (!Number.isNaN(diff) && diff !== 0) return diff;
    if (Number.isNaN(diff) && x !== y) return x.localeCompare(y, "vi");
  }
  return 0;
}

/** Leaves of a tree, in order. */
export function leavesOf<T extends TTreeNode>(roots: readonly TTree<T>[]): TTree<T>[] {
  return roots.flatMap((n) => (n.children.length ? leavesOf(n.children) : [n]));
}

/** Sum of a tree's top-level maxima (the framework's maximum total). */
export function maxTotal(roots: readonly { maxScore: number }[]): number {
  return roundPoints(roots.reduce((sum, n) => sum + n.maxScore, 0));
}
