import { UploadOutlined } from "@ant-design/icons";
import {
  can,
  foldVietnamese,
  formatNumberVi,
  PROVINCE_PATH,
  type TDashboard,
  type TFrameworkIssue,
  type TOfficialResult,
} from "@chiso/core";
import { Alert, App, Button, Descriptions, Flex, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useImportOfficialResults, useOfficialResults, useProvinceSettings } from "../api/dashboard.ts";

/** Kết quả chính thức: the published national table for a year, its import, and where the province stands. */
export function OfficialResultsPanel({ dashboard }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const [year, setYear] = useState(dashboard.framework.year);
  const results = useOfficialResults(year);
  const settings = useProvinceSettings();
  const importer = useImportOfficialResults();
  const issues =
    importer.error instanceof ApiError && Array.isArray(importer.error.details)
      ? (importer.error.details as TFrameworkIssue[])
      : [];
  const own = (r: TOfficialResult) =>
    settings.data && foldVietnamese(r.province) === foldVietnamese(settings.data.province);
  const official = dashboard.official;

  return (
    <Flex vertical gap={12}>
      {official ? (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="official-standing">
          <Descriptions.Item label={t("dashboard.officialRank")}>
            <Typography.Text strong>
              {official.rank}/{official.provinceCount}
            </Typography.Text>{" "}
            ({official.year})
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.officialIndex")}>
            {formatNumberVi(official.index, { decimals: 4 })}
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.rankTrend")}>
            {official.history.map((h) => `${h.year}: ${h.rank}`).join(" → ")}
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.gapTo10")}>
            {official.gapTo10
              ? `${formatNumberVi(official.gapTo10.pointGap, { decimals: 2 })} ${t("dashboard.points")}`
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.gapTo20")}>
            {official.gapTo20
              ? `${formatNumberVi(official.gapTo20.pointGap, { decimals: 2 })} ${t("dashboard.points")}`
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.mainsTop10")}>
            <span data-testid="mains-top10">
              {official.mainsInTop10}
              {dashboard.target.mainsTop10 !== null && `/${dashboard.target.mainsTop10}`}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("dashboard.note")}>{official.note ?? "—"}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="info" showIcon title={t("dashboard.noOfficial", { year: dashboard.framework.year })} />
      )}
      <Flex gap={8} align="center" wrap>
        <span>{t("editor.year")}</span>
        <NumberInput
          aria-label={t("editor.year")}
          grouping={false}
          integer
          min={2015}
          max={2100}
          value={year}
          style={{ width: 100 }}
          onChange={(v) => v !== null && !Number.isNaN(v) && setYear(v)}
        />
        {me && can(me, "settings.manage", { scopePath: PROVINCE_PATH }) && (
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              importer.mutate(
                { year, file },
                { onSuccess: (r) => void message.success(t("dashboard.imported", { count: r.count, year: r.year })) },
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importer.isPending}>
              {t("dashboard.importOfficial")}
            </Button>
          </Upload>
        )}
      </Flex>
      {importer.error && (
        <Alert
          type="error"
          showIcon
          title={importer.error.message}
          description={
            issues.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="official-issues">
                {issues.map((i) => (
                  <li key={i.message}>{i.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <ErrorAlert error={results.error} />
      <Table<TOfficialResult>
        rowKey="province"
        size="small"
        loading={results.isPending}
        dataSource={results.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={(r) => (own(r) ? "ant-table-row-selected" : "")}
        locale={{ emptyText: t("dashboard.noOfficialYear") }}
        columns={[
          { title: t("dashboard.rank"), dataIndex: "rank", width: 70 },
          { title: t("dashboard.province"), dataIndex: "province" },
          {
            title: t("dashboard.officialIndex"),
            dataIndex: "index",
            width: 120,
            align: "right",
            render: (v: number) => formatNumberVi(v, { decimals: 4 }),
          },
          ...dashboard.mains
            .filter((m) => m.maxScore > 0)
            .map((m) => ({
              title: m.code,
              key: m.code,
              width: 70,
              align: "right" as const,
              render: (_: unknown, r: TOfficialResult) =>
                r.mainValues[m.code] ? formatNumberVi(r.mainValues[m.code]!.value, { decimals: 3 }) : "—",
            })),
        ]}
      />
    </Flex>
  );
}
