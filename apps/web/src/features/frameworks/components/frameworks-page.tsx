import { formatNumberVi } from "@chiso/core";
import { Card, Descriptions, Empty, Flex, Input, Select, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useFramework } from "../api/get-framework.ts";
import { useFrameworks } from "../api/list-frameworks.ts";
import { FrameworkTreeTable } from "./framework-tree-table.tsx";

export function FrameworksPage() {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState("");
  const selectedId = params.get("id") ?? frameworks.data?.[0]?.id;
  const detail = useFramework(selectedId);

  if (frameworks.error) return <ErrorAlert error={frameworks.error} onRetry={() => frameworks.refetch()} />;
  if (frameworks.isPending) return <Skeleton active />;
  if (!frameworks.data.length) return <Empty description={t("frameworks.none")} />;

  const framework = detail.data;
  const mains = framework?.indicators.filter((i) => i.parentId === null).length ?? 0;
  const leaves = framework
    ? framework.indicators.filter((i) => !framework.indicators.some((c) => c.parentId === i.id)).length
    : 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("frameworks.title")}
        </Typography.Title>
        <Select
          aria-label={t("frameworks.title")}
          style={{ minWidth: 360 }}
          value={selectedId}
          onChange={(id) => setParams({ id })}
          options={frameworks.data.map((f) => ({ value: f.id, label: `${f.name} (${f.year})` }))}
        />
      </Flex>
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isPending && <Skeleton active />}
      {framework && (
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("frameworks.title")}>
              {framework.name}{" "}
              <Tag color={framework.status === "published" ? "green" : "default"}>
                {t(`frameworks.status.${framework.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("frameworks.legalBasis")}>{framework.legalBasis ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("frameworks.maxScore")}>
              <span data-testid="framework-summary">
                {t("frameworks.summary", { main: mains, leaves, total: formatNumberVi(framework.maxTotal) })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("frameworks.levelLabel")}>
              {t(`frameworks.level.${framework.level}`)}
            </Descriptions.Item>
          </Descriptions>
          <Input.Search
            allowClear
            placeholder={t("common.search")}
            aria-label={t("common.search")}
            style={{ maxWidth: 400, margin: "12px 0" }}
            onChange={(e) => setQuery(e.target.value)}
          />
          <FrameworkTreeTable indicators={framework.indicators} query={query} />
        </Card>
      )}
    </Flex>
  );
}
