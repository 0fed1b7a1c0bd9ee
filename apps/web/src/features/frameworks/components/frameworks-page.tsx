import { CopyOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  canSomewhere,
  formatNumberVi,
  type TFrameworkDetail,
  type TFrameworkIssue,
  type TIndicator,
  type TIndicatorFields,
  validateFramework,
} from "@chiso/core";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { type TStatusAction, useChangeFrameworkStatus, useDeleteFramework } from "../api/change-framework-status.ts";
import { useFramework } from "../api/get-framework.ts";
import { useFrameworks } from "../api/list-frameworks.ts";
import { useCreateIndicator, useDeleteIndicator, useMoveIndicator, useUpdateIndicator } from "../api/save-indicator.ts";
import { AssignmentTable } from "./assignment-table.tsx";
import { CalendarButton, CalendarModal, CalendarText } from "./framework-calendar.tsx";
import { FrameworkFormModal, type TFrameworkFormMode } from "./framework-form-modal.tsx";
import { FrameworkImportModal } from "./framework-import-modal.tsx";
import { FrameworkTreeTable, type TTreeEditor } from "./framework-tree-table.tsx";
import { IndicatorFormDrawer, type TIndicatorDraft } from "./indicator-form-drawer.tsx";
import { WhatIfSimulator } from "./what-if-simulator.tsx";

function issuesOf(framework: TFrameworkDetail): TFrameworkIssue[] {
  const codeOf = new Map(framework.indicators.map((i) => [i.id, i.code]));
  return validateFramework(
    framework.indicators.map((i) => ({ ...i, parentCode: i.parentId ? (codeOf.get(i.parentId) ?? null) : null })),
  );
}

export function FrameworksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const frameworks = useFrameworks();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState("");
  const [formMode, setFormMode] = useState<TFrameworkFormMode | null>(null);
  const [editingCalendar, setEditingCalendar] = useState(false);
  const [importing, setImporting] = useState(false);
  const selectedId =
    params.get("id") ?? frameworks.data?.find((f) => f.status === "published")?.id ?? frameworks.data?.[0]?.id;
  const tab = params.get("tab") ?? "tree";
  const detail = useFramework(selectedId);
  const status = useChangeFrameworkStatus();
  const remove = useDeleteFramework();
  const isCoordinator = me ? canSomewhere(me, "framework.edit") : false;
  const framework = detail.data;
  const editable = isCoordinator && framework?.status === "draft";
  const issues = useMemo(() => (framework && editable ? issuesOf(framework) : []), [framework, editable]);
  const select = (id: string, nextTab = tab) => setParams({ id, tab: nextTab });

  if (frameworks.error) return <ErrorAlert error={frameworks.error} onRetry={() => frameworks.refetch()} />;
  if (frameworks.isPending) return <Skeleton active />;

  const changeStatus = (action: TStatusAction) =>
    framework &&
    status.mutate(
      { id: framework.id, action },
      {
        onSuccess: () => void message.success(t(`editor.done.${action}`)),
        onError: (e) => {
          const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as TFrameworkIssue[]) : [];
          void message.error(
            details.length ? `${errorMessage(e)} ${details.map((d) => d.message).join(" · ")}` : errorMessage(e),
            8,
          );
        },
      },
    );

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
        <Space wrap>
          {frameworks.data.length > 0 && (
            <Select
              aria-label={t("frameworks.choose")}
              style={{ minWidth: "min(360px, calc(100vw - 32px))", maxWidth: "calc(100vw - 32px)" }}
              value={selectedId}
              onChange={(id) => select(id)}
              options={frameworks.data.map((f) => ({
                value: f.id,
                label: `${f.name} — ${f.ownerName} — ${t(`frameworks.status.${f.status}`)}`,
              }))}
            />
          )}
          {isCoordinator && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setFormMode({ kind: "create" })}>
                {t("editor.newFramework")}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t("transfer.import")}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {!frameworks.data.length && <Empty description={t("frameworks.none")} />}
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />}
      {selectedId && detail.isPending && <Skeleton active />}
      {framework && (
        <Card>
          <Flex justify="space-between" wrap gap={12}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ flex: 1, minWidth: 320 }}>
              <Descriptions.Item label={t("frameworks.title")}>
                {framework.name}{" "}
                <Tag
                  color={framework.status === "published" ? "green" : framework.status === "draft" ? "gold" : "default"}
                >
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
                {t(`frameworks.level.${framework.level}`)} · {framework.year} · {framework.ownerName}
              </Descriptions.Item>
              <Descriptions.Item label={t("calendar.title")} span={2}>
                <CalendarText framework={framework} />
                {isCoordinator && framework.status !== "archived" && (
                  <CalendarButton onClick={() => setEditingCalendar(true)} />
                )}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap align="start">
              <Dropdown
                menu={{
                  items: [
                    {
                      key: "xlsx",
                      label: <a href={`/api/frameworks/${framework.id}/export?format=xlsx`}>Excel (.xlsx)</a>,
                    },
                    { key: "json", label: <a href={`/api/frameworks/${framework.id}/export?format=json`}>JSON</a> },
                  ],
                }}
              >
                <Button icon={<DownloadOutlined />}>{t("transfer.export")}</Button>
              </Dropdown>
              {isCoordinator && (
                <>
                  <Button icon={<CopyOutlined />} onClick={() => setFormMode({ kind: "clone", framework })}>
                    {t("editor.cloneFramework")}
                  </Button>
                  {framework.status === "draft" && (
                    <>
                      <Button icon={<EditOutlined />} onClick={() => setFormMode({ kind: "edit", framework })}>
                        {t("editor.editFramework")}
                      </Button>
                      <Popconfirm
                        title={t("editor.publishConfirm")}
                        description={t("editor.publishHint")}
                        onConfirm={() => changeStatus("publish")}
                        okText={t("editor.publish")}
                        cancelText={t("common.cancel")}
                      >
                        <Button type="primary" disabled={issues.length > 0} loading={status.isPending}>
                          {t("editor.publish")}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t("editor.deleteFrameworkConfirm", { name: framework.name })}
                        okText={t("common.delete")}
                        cancelText={t("common.cancel")}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          remove.mutate(framework.id, {
                            onSuccess: () => setParams({}),
                            onError: (e) => void message.error(errorMessage(e)),
                          })
                        }
                      >
                        <Button danger>{t("common.delete")}</Button>
                      </Popconfirm>
                    </>
                  )}
                  {framework.status === "published" && (
                    <Popconfirm
                      title={t("editor.unpublishConfirm")}
                      onConfirm={() => changeStatus("unpublish")}
                      okText={t("common.yes")}
                      cancelText={t("common.cancel")}
                    >
                      <Button>{t("editor.unpublish")}</Button>
                    </Popconfirm>
                  )}
                  {framework.status !== "archived" && !framework.builtin && (
                    <Popconfirm
                      title={t("editor.archiveConfirm")}
                      onConfirm={() => changeStatus("archive")}
                      okText={t("common.yes")}
                      cancelText={t("common.cancel")}
                    >
                      <Button>{t("editor.archive")}</Button>
                    </Popconfirm>
                  )}
                </>
              )}
            </Space>
          </Flex>
          {editable && issues.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t("editor.issuesTitle", { count: issues.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="framework-issues">
                  {issues.slice(0, 10).map((i) => (
                    <li key={`${i.code}-${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={(next) => select(framework.id, next)}
            items={[
              {
                key: "tree",
                label: t("editor.tabs.tree"),
                children: (
                  <TreeTab
                    framework={framework}
                    editable={editable}
                    issues={issues}
                    query={query}
                    setQuery={setQuery}
                  />
                ),
              },
              {
                key: "assignment",
                label: t("editor.tabs.assignment"),
                children: (
                  <AssignmentTable framework={framework} editable={isCoordinator && framework.status !== "archived"} />
                ),
              },
              { key: "what-if", label: t("editor.tabs.whatIf"), children: <WhatIfSimulator framework={framework} /> },
            ]}
          />
        </Card>
      )}
      {editingCalendar && <CalendarModal framework={framework ?? null} onClose={() => setEditingCalendar(false)} />}
      <FrameworkFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(saved) => {
          setFormMode(null);
          select(saved.id, "tree");
          void message.success(t("common.saved"));
        }}
      />
      <FrameworkImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(id) => {
          setImporting(false);
          select(id, "tree");
        }}
      />
    </Flex>
  );
}

interface TTreeTabProps {
  framework: TFrameworkDetail;
  editable: boolean;
  issues: TFrameworkIssue[];
  query: string;
  setQuery(query: string): void;
}

function TreeTab({ framework, editable, issues, query, setQuery }: TTreeTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<TIndicatorDraft | null>(null);
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const remove = useDeleteIndicator();
  const move = useMoveIndicator();
  const saving = create.isPending || update.isPending;
  const onError = (e: unknown) => void message.error(errorMessage(e));

  const siblingsOf = (indicator: TIndicator) =>
    framework.indicators.filter((i) => i.parentId === indicator.parentId).sort((a, b) => a.sortOrder - b.sortOrder);

  const editor: TTreeEditor = {
    issues,
    onAdd: (parent) => {
      create.reset();
      setDraft({ indicator: null, parentId: parent?.id ?? null, isBranch: parent === null });
    },
    onEdit: (indicator, isBranch) => {
      update.reset();
      setDraft({ indicator, parentId: indicator.parentId, isBranch });
    },
    onDelete: (indicator) => remove.mutate(indicator.id, { onError }),
    onMove: (indicator, direction) => {
      const siblings = siblingsOf(indicator);
      const position = siblings.findIndex((s) => s.id === indicator.id) + direction;
      if (position < 0 || position >= siblings.length) return;
      move.mutate({ id: indicator.id, parentId: indicator.parentId, position }, { onError });
    },
  };

  const save = (fields: TIndicatorFields) => {
    const close = { onSuccess: () => setDraft(null) };
    if (draft?.indicator) update.mutate({ id: draft.indicator.id, ...fields }, close);
    else create.mutate({ frameworkId: framework.id, parentId: draft?.parentId ?? null, ...fields }, close);
  };

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("common.search")}
          aria-label={t("common.search")}
          style={{ maxWidth: 400 }}
          onChange={(e) => setQuery(e.target.value)}
        />
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => editor.onAdd(null)}>
            {t("editor.addMain")}
          </Button>
        )}
      </Flex>
      {framework.indicators.length === 0 ? (
        <Empty description={t("editor.emptyTree")} />
      ) : (
        <FrameworkTreeTable indicators={framework.indicators} query={query} editor={editable ? editor : undefined} />
      )}
      <IndicatorFormDrawer
        draft={draft}
        saving={saving}
        error={create.error ?? update.error}
        onSave={save}
        onClose={() => setDraft(null)}
      />
    </>
  );
}
