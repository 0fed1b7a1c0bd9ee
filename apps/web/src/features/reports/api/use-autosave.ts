import type { TReportDetail, TReportedValues } from "@chiso/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api.ts";
import { useSaveReport } from "./report.ts";

export interface TDraft {
  values: TReportedValues;
  note: string | null;
  /** Judgement criteria only: the points the unit proposes and why (absent in backups of older versions). */
  proposedPoints?: number | null;
  proposedExplanation?: string | null;
}

const fromReport = (r: TReportDetail): TDraft => ({
  values: r.values,
  note: r.note,
  proposedPoints: r.proposedPoints,
  proposedExplanation: r.proposedExplanation,
});
const fromBackup = (b: TBackup): TDraft => ({
  values: b.values,
  note: b.note,
  proposedPoints: b.proposedPoints ?? null,
  proposedExplanation: b.proposedExplanation ?? null,
});

type TSaveState = "idle" | "saving" | "saved" | "error" | "conflict" | "blocked";

interface TBackup extends TDraft {
  version: number;
}

const DELAY_MS = 1200;
const backupKey = (id: string) => `chiso.report.${id}`;

function readBackup(id: string): TBackup | null {
  try {
    const raw = localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as TBackup) : null;
  } catch {
    return null;
  }
}

const sameDraft = (a: TDraft, b: TDraft) =>
  JSON.stringify(a.values) === JSON.stringify(b.values) &&
  (a.note ?? "") === (b.note ?? "") &&
  (a.proposedPoints ?? null) === (b.proposedPoints ?? null) &&
  (a.proposedExplanation ?? "") === (b.proposedExplanation ?? "");

/**
 * Drafts save themselves a moment after typing stops. Until the server has them, they are also kept in
 * the browser, so a network error, a reload or a closed tab loses nothing; a save based on a stale
 * version is refused by the server (409) and the typed text stays here for the user to re-apply.
 */
export function useAutosave(report: TReportDetail | undefined) {
  const save = useSaveReport();
  const [draft, setDraft] = useState<TDraft | null>(null);
  const [state, setState] = useState<TSaveState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [restored, setRestored] = useState<"restored" | "stale" | null>(null);
  const version = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<TDraft | null>(null);
  const dirty = useRef(false);
  // While a field shows an error, what is on screen is not a value: nothing is saved and "Đã lưu" is not shown.
  const blocked = useRef(false);

  /** Starts from the server copy, or from a backup of unsaved typing made on top of that same version. */
  const load = useCallback((fresh: TReportDetail) => {
    version.current = fresh.version;
    const server = fromReport(fresh);
    const backup = readBackup(fresh.id);
    const usable = backup && !sameDraft(backup, server);
    setRestored(usable ? (backup.version === fresh.version ? "restored" : "stale") : null);
    const start = usable && backup.version === fresh.version ? fromBackup(backup) : server;
    setDraft(start);
    latest.current = start;
    dirty.current = start !== server;
    setState("idle");
  }, []);

  // Only when another report is opened: later copies of the same report (after a save) must not undo typing.
  const loadedId = useRef<string | null>(null);
  useEffect(() => {
    if (!report) return;
    if (loadedId.current !== report.id) {
      loadedId.current = report.id;
      load(report);
      return;
    }
    // A newer copy (after a workflow step, a save or a refetch): follow it unless typing is still unsaved.
    if (!dirty.current && report.version >= version.current) {
      version.current = report.version;
      const server = fromReport(report);
      setDraft(server);
      latest.current = server;
    }
  }, [report, load]);

  /**
   * Saves what is typed now if anything is unsaved. Answers the report version to act on, or null when the
   * save failed (the typing stays in the browser).
   */
  const flush = useCallback(async (): Promise<number | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = latest.current;
    if (!report || !current) return version.current;
    if (blocked.current) {
      setState("blocked");
      return null;
    }
    if (!dirty.current) return version.current;
    setState("saving");
    try {
      const saved = await save.mutateAsync({ id: report.id, ...current, version: version.current });
      version.current = saved.version;
      if (latest.current && sameDraft(latest.current, current)) {
        dirty.current = false;
        localStorage.removeItem(backupKey(report.id));
      } else if (latest.current)
        localStorage.setItem(backupKey(report.id), JSON.stringify({ ...latest.current, version: saved.version }));
      setSavedAt(new Date());
      const showsSaved = latest.current !== null && sameDraft(latest.current, current);
      setState(blocked.current ? "blocked" : showsSaved ? "saved" : "idle");
      return saved.version;
    } catch (error) {
      setState(error instanceof ApiError && error.status === 409 ? "conflict" : "error");
      return null;
    }
  }, [report, save]);

  const change = useCallback(
    (next: TDraft) => {
      if (!report) return;
      setDraft(next);
      latest.current = next;
      dirty.current = true;
      localStorage.setItem(backupKey(report.id), JSON.stringify({ ...next, version: version.current }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (blocked.current) setState("blocked");
      else {
        // "Đã lưu" would now describe an older text than the one on screen.
        setState("idle");
        timer.current = setTimeout(() => void flush(), DELAY_MS);
      }
    },
    [report, flush],
  );

  /** Holds saving while the form shows an error; once it is fixed, what is typed is saved as usual. */
  const setBlocked = useCallback(
    (isBlocked: boolean) => {
      if (blocked.current === isBlocked) return;
      blocked.current = isBlocked;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (isBlocked) setState("blocked");
      else {
        setState("idle");
        if (dirty.current) timer.current = setTimeout(() => void flush(), DELAY_MS);
      }
    },
    [flush],
  );

  /** Uses the unsaved typing of an earlier session on top of the newer server version. */
  const applyStaleBackup = useCallback(() => {
    if (!report) return;
    const backup = readBackup(report.id);
    setRestored(null);
    if (backup) change(fromBackup(backup));
  }, [report, change]);

  const discardBackup = useCallback(() => {
    if (report) localStorage.removeItem(backupKey(report.id));
    setRestored(null);
  }, [report]);

  const pending = timer.current !== null || state === "saving";
  return {
    draft,
    change,
    setBlocked,
    flush,
    load,
    state,
    savedAt,
    error: save.error,
    pending,
    restored,
    applyStaleBackup,
    discardBackup,
  };
}
