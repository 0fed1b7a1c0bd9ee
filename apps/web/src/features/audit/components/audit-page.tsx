import { DownloadOutlined } from "@ant-design/icons";
import {
  AUDIT_OBJECT_TYPE_KEYS,
  AUDIT_OBJECT_TYPES,
  auditChangeText,
  formatDateTimeVi,
  formatNumberVi,
  type TAuditEntry,
  type TAuditFilter,
  type TAuditObjectType,
} from "@chiso/core";
import { App, Button, DatePicker, Flex, Select, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useAccounts } from "../../accounts/api/list-accounts.ts";
import { useExportDownload } from "../../exports/api/download-export.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { AUDIT_PAGE_SIZE, auditExportUrl, useAudit } from "../api/list-audit.ts";

const FILTER_KEYS = ["unitId", "actorId", "entityType", "entityId", "from", "to"] as const;

/** The filters live in the address, so a link can open one object's history ("?entityType=report&entityId=…"). */
function useAuditFilter() {
  const [params, setParams] = useSearchParams();
  const filter: TAuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filter as Record<string, string>)[key] = value;
  }
  const page = Math.max(1, Number(params.get("page")) || 1);
  const update = (changes: Partial<Record<(typeof FILTER_KEYS)[number] | "page", string | undefined>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!("page" in changes)) next.delete("page");
      return next;
    });
  return { filter, page, update };
}

/** Nhật ký thay đổi: who did what to which object, in words, in Vietnam time; filtered, paged, exported to Excel. */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { filter, page, update } = useAuditFilter();
  const audit = useAudit(filter, page);
  const units = useUnits();
  const accounts = useAccounts();
  const download = useExportDownload();

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("audit.title")}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          loading={download.active !== null}
          onClick={() =>
            download.start("audit", auditExportUrl(filter)).catch((e) => {
              if (!(e instanceof DOMException && e.name === "AbortError")) void message.error(errorMessage(e), 6);
            })
          }
        >
          {t("audit.export")}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          aria-label={t("audit.filterUnit")}
          placeholder={t("audit.filterUnit")}
          style={{ width: 260 }}
          value={filter.unitId}
          onChange={(unitId?: string) => update({ unitId })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          aria-label={t("audit.filterUser")}
          placeholder={t("audit.filterUser")}
          style={{ width: 260 }}
          value={filter.actorId}
          onChange={(actorId?: string) => update({ actorId })}
          options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }))}
        />
        <Select
          allowClear
          aria-label={t("audit.filterObject")}
          placeholder={t("audit.filterObject")}
          style={{ width: 200 }}
          value={filter.entityType}
          onChange={(entityType?: TAuditObjectType) => update({ entityType, entityId: undefined })}
          options={AUDIT_OBJECT_TYPE_KEYS.map((key) => ({ value: key, label: AUDIT_OBJECT_TYPES[key] }))}
        />
        <DatePicker.RangePicker
          aria-label={t("audit.filterDates")}
          format="DD/MM/YYYY"
          placeholder={[t("audit.from"), t("audit.to")]}
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })}
        />
      </Flex>
      {filter.entityId && (
        <Typography.Text type="secondary">
          {t("audit.oneObject")}.{" "}
          <Button type="link" size="small" onClick={() => update({ entityId: undefined })}>
            {t("audit.allObjects")}
          </Button>
        </Typography.Text>
      )}
      <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
      <Table<TAuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isFetching}
        dataSource={audit.data?.items}
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize: AUDIT_PAGE_SIZE,
          total: audit.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t("audit.total", { count: total, formatted: formatNumberVi(total) }),
          onChange: (next) => update({ page: String(next) }),
        }}
        columns={[
          { title: t("audit.at"), dataIndex: "at", width: 130, render: (at: string) => formatDateTimeVi(at) },
          {
            title: t("audit.actor"),
            key: "actor",
            width: 220,
            render: (_, e) => (
              <Flex vertical>
                <span>{e.actorName ?? t("audit.system")}</span>
                {e.actorUnit && <Typography.Text type="secondary">{e.actorUnit}</Typography.Text>}
              </Flex>
            ),
          },
          { title: t("audit.action"), dataIndex: "actionLabel", width: 200 },
          { title: t("audit.entity"), dataIndex: "objectName", width: 280 },
          {
            title: t("audit.changes"),
            key: "changes",
            render: (_, e) => (
              <Flex vertical>
                {e.changes.map((change) => (
                  <span key={change.field}>{auditChangeText(change)}</span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
