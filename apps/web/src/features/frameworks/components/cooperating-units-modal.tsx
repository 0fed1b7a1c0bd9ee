import { matchesSearch, type TIndicator, type TUnit } from "@chiso/core";
import { Modal, Spin, Transfer } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { usePhone } from "../../../lib/use-phone.ts";
import { useIndicatorAssignment } from "../api/get-indicator-assignment.ts";

interface TItem {
  key: string;
  title: string;
  disabled?: boolean;
}

interface TProps {
  frameworkId: string;
  indicator: TIndicator;
  units: TUnit[];
  editable: boolean;
  saving: boolean;
  onSave(cooperatingUnitIds: string[]): Promise<unknown>;
  onClose(): void;
}

const unitLabel = (u: { name: string; shortName: string | null }) =>
  u.shortName ? `${u.name} (${u.shortName})` : u.name;

/**
 * Every cooperating unit of one indicator, loaded from its assignment (the framework detail lists the first few):
 * search without accents, move units in or out, save the whole list. Units the user never scrolled to stay as they
 * were, since the list edited is the whole one.
 */
export function CooperatingUnitsModal({ frameworkId, indicator, units, editable, saving, onSave, onClose }: TProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const assignment = useIndicatorAssignment(frameworkId, indicator.id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  useEffect(() => {
    if (assignment.data && chosen === null) setChosen(assignment.data.cooperating.map((c) => c.unitId));
  }, [assignment.data, chosen]);

  const leadId = assignment.data?.lead?.unitId ?? indicator.lead?.unitId ?? null;
  const items = useMemo<TItem[]>(() => {
    const byId = new Map<string, TItem>();
    for (const u of units) {
      if (u.isActive) byId.set(u.id, { key: u.id, title: unitLabel(u), disabled: u.id === leadId });
    }
    // An assigned unit since closed still shows (and stays) among the chosen.
    for (const c of assignment.data?.cooperating ?? []) {
      if (!byId.has(c.unitId))
        byId.set(c.unitId, { key: c.unitId, title: unitLabel({ name: c.unitName, shortName: c.shortName }) });
    }
    return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title, "vi"));
  }, [units, assignment.data, leadId]);

  const title = t("assignment.listTitle", { code: indicator.code });
  return (
    <Modal
      open
      width={860}
      title={title}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={editable ? t("common.cancel") : t("common.close")}
      okButtonProps={{ hidden: !editable, disabled: chosen === null, loading: saving }}
      onOk={async () => {
        if (!chosen) return;
        // A failed save keeps the modal and its choices open; the table shows the error.
        const saved = await onSave(chosen).then(
          () => true,
          () => false,
        );
        if (saved) onClose();
      }}
    >
      {assignment.isError ? (
        <ErrorAlert error={assignment.error} onRetry={() => void assignment.refetch()} />
      ) : chosen === null ? (
        <Spin />
      ) : (
        <Transfer<TItem>
          aria-label={title}
          dataSource={items}
          targetKeys={chosen}
          onChange={(keys) => setChosen(keys.map(String))}
          disabled={!editable}
          titles={[t("assignment.notChosen"), t("assignment.chosen")]}
          actions={[t("assignment.add"), t("assignment.remove")]}
          showSearch={{ placeholder: t("assignment.searchUnits") }}
          filterOption={(input, item) => matchesSearch(item.title, input)}
          render={(item) => item.title}
          pagination={{ pageSize: 50 }}
          // Side by side the two lists need 860 px; on a phone they stack, the chosen units below the others.
          styles={
            phone
              ? {
                  root: { flexDirection: "column", alignItems: "stretch" },
                  section: { width: "100%", height: 320 },
                  actions: { flexDirection: "row", justifyContent: "center" },
                }
              : { section: { width: 380, height: 460 } }
          }
        />
      )}
    </Modal>
  );
}
