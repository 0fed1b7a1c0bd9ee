import { formatDateTimeVi } from "@chiso/core";
import { Flex, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { type TAuditEntry, useAudit } from "../api/list-audit.ts";

/** Shows what changed as "field: before → after" for the fields that differ. */
function describeChange(entry: TAuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (!entry.before) return "";
  return keys.map((k) => `${k}: ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).join("; ");
}

export function AuditPage() {
  const { t } = useTranslation();
  const audit = useAudit();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("audit.title")}
      </Typography.Title>
      <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
      <Table<TAuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={audit.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("audit.at"), dataIndex: "at", width: 150, render: (at: string) => formatDateTimeVi(at) },
          {
            title: t("audit.actor"),
            dataIndex: "actorName",
            width: 200,
            render: (n, e) => n ?? e.actorUsername ?? "—",
          },
          { title: t("audit.action"), dataIndex: "action", width: 200 },
          { title: t("audit.entity"), key: "entity", render: (_, e) => `${e.entityType} ${describeChange(e)}` },
        ]}
      />
    </Flex>
  );
}
