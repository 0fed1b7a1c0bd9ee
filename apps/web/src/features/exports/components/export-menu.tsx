import { CloseOutlined, DownloadOutlined } from "@ant-design/icons";
import { canSomewhere, formatNumberVi, holdsUnitRole, type TMe } from "@chiso/core";
import { App, Button, Dropdown, Progress, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useExportDownload } from "../api/download-export.ts";
import { EXPORTS_NAMESPACE } from "../i18n.ts";

/** Who exports a whole period (the policy's "export.scope"); the server decides for the period's own scope. */
const exportsProvince = (me: TMe) => canSomewhere(me, "export.scope");
const reportsForUnit = (me: TMe) => holdsUnitRole(me);

/** The downloads of a period: Excel, the Word report, the evidence bundle, the unit ranking — with progress. */
export function ExportMenu({ periodId }: { periodId: string | undefined }) {
  const { t } = useTranslation(EXPORTS_NAMESPACE);
  const { message } = App.useApp();
  const me = useMe().data;
  const { active, start, cancel } = useExportDownload();
  // Controlled: the menu closes on a choice even while the pointer still rests on it.
  const [open, setOpen] = useState(false);
  if (!me || !periodId) return null;

  const base = `/api/exports/period/${periodId}`;
  const ownUnit = `unitId=${me.unitId}`;
  const items = [
    ...(exportsProvince(me)
      ? [
          { key: "provinceXlsx", url: `${base}.xlsx` },
          { key: "docx", url: `${base}.docx` },
          { key: "provinceZip", url: `${base}/evidence.zip` },
        ]
      : []),
    ...(reportsForUnit(me)
      ? [
          { key: "unitXlsx", url: `${base}.xlsx?${ownUnit}` },
          { key: "unitZip", url: `${base}/evidence.zip?${ownUnit}` },
        ]
      : []),
    { key: "ranking", url: `/api/dashboard/units/export?periodId=${periodId}` },
  ];
  const download = (key: string) => {
    setOpen(false);
    const item = items.find((i) => i.key === key);
    if (!item) return;
    start(key, item.url).then(
      () => void message.success(t("done")),
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) void message.error(errorMessage(error));
      },
    );
  };

  return (
    <Space size={8}>
      <Dropdown
        disabled={active !== null}
        open={open && active === null}
        onOpenChange={setOpen}
        menu={{ items: items.map((i) => ({ key: i.key, label: t(i.key) })), onClick: ({ key }) => download(key) }}
      >
        <Button icon={<DownloadOutlined />} loading={active !== null}>
          {t("button")}
        </Button>
      </Dropdown>
      {active && (
        <Space size={4} aria-live="polite">
          {active.progress.total ? (
            <Progress
              size="small"
              style={{ width: 160, margin: 0 }}
              percent={Math.min(99, Math.floor((active.progress.received / active.progress.total) * 100))}
            />
          ) : (
            <Typography.Text type="secondary">
              {active.progress.received
                ? t("received", { size: formatNumberVi(active.progress.received / 1_048_576, { decimals: 1 }) })
                : t("preparing")}
            </Typography.Text>
          )}
          <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t("cancel")} onClick={cancel} />
        </Space>
      )}
    </Space>
  );
}
