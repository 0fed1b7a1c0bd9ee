import { InboxOutlined } from "@ant-design/icons";
import type { TImportTable, TPlanImportMapped, TTaskField } from "@chiso/core";
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Select, Steps, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { useCommitImport } from "../api/commit-import.ts";
import { usePreviewImport } from "../api/preview-import.ts";
import { useRemapImport } from "../api/remap-import.ts";
import { ImportHeaderForm, type THeaderFields } from "./import-header-form.tsx";
import { ImportMapping } from "./import-mapping.tsx";
import { ImportRows } from "./import-rows.tsx";
import { ImportUnits } from "./import-units.tsx";

interface TProps {
  open: boolean;
  onClose(): void;
  onImported(planId: string): void;
}

/**
 * Upload a Word or Excel plan, check every row, change the column mapping or the units, correct the header read
 * from the document, then confirm: nothing is saved before, and everything is saved in one transaction.
 */
export function PlanImportModal({ open, onClose, onImported }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePreviewImport();
  const remap = useRemapImport();
  const commit = useCommitImport();
  const [form] = Form.useForm<THeaderFields>();
  const [table, setTable] = useState<TImportTable | null>(null);
  const [tableIndex, setTableIndex] = useState(0);
  const [mapped, setMapped] = useState<TPlanImportMapped | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  // Every appendix goes into the one plan unless the coordinator picks a single table; mappings changed per table.
  const [allTables, setAllTables] = useState(true);
  const [edited, setEdited] = useState<Record<number, TImportTable>>({});
  // A plan without a task table: the tasks the coordinator types beside the document's text.
  const [typed, setTyped] = useState<TTypedTask[]>([{ content: "", lead: "", timeframe: "" }]);

  useEffect(() => {
    if (!open) return;
    preview.reset();
    commit.reset();
    setTable(null);
    setMapped(null);
    setChoices({});
    setEdited({});
    setAllTables(true);
    setTyped([{ content: "", lead: "", timeframe: "" }]);
  }, [open, preview.reset, commit.reset]);

  const data = preview.data;
  const read = (file: File) => {
    preview.mutate(file, {
      onSuccess: (result) => {
        setTableIndex(result.tableIndex);
        setTable(result.tables[result.tableIndex] ?? null);
        setMapped(result);
      },
    });
    return false;
  };
  const remapWith = (next: TImportTable, index = tableIndex) => {
    setTable(next);
    setEdited((e) => ({ ...e, [index]: next }));
    remap.mutate(
      {
        table: next,
        defaultYear: form.getFieldValue("startYear") ?? data?.header.startYear,
        frameworkId: data?.frameworkId,
      },
      { onSuccess: setMapped },
    );
  };
  const changeColumn = (column: number, field: TTaskField | null) =>
    table && remapWith({ ...table, mapping: table.mapping.map((f, i) => (i === column ? field : f)) });

  const confirm = async () => {
    if (!data) return;
    let h: THeaderFields;
    try {
      h = await form.validateFields();
    } catch (error) {
      // A missing số hiệu sits at the top of a long dialog: bring it into view and say it where the button is.
      const first = (error as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields?.[0];
      if (!first) throw error;
      form.scrollToField(first.name, { behavior: "smooth", block: "center", focus: true });
      void message.error(first.errors[0] ?? t("plans.importer.fixHeader"));
      return;
    }
    if (!table) {
      // A plan without tables: the tasks typed beside its text.
      if (!typedTable) return;
      commit.mutate(
        {
          plan: { ...h, issuedOn: h.issuedOn ? h.issuedOn.format("YYYY-MM-DD") : null },
          table: typedTable,
          unitResolutions: {},
        },
        {
          onSuccess: (plan) => {
            void message.success(t("plans.importer.imported", { code: plan.code }));
            onClose();
            onImported(plan.id);
          },
        },
      );
      return;
    }
    commit.mutate(
      {
        plan: { ...h, issuedOn: h.issuedOn ? h.issuedOn.format("YYYY-MM-DD") : null },
        ...(allTables && data.tables.length > 1 ? { tables: data.tables.map((x, i) => edited[i] ?? x) } : { table }),
        unitResolutions: choices,
        frameworkId: data.frameworkId,
      },
      {
        onSuccess: (plan) => {
          void message.success(t("plans.importer.imported", { code: plan.code }));
          onClose();
          onImported(plan.id);
        },
      },
    );
  };

  const withoutTables = Boolean(data && data.tables.length === 0);
  const typedRows = typed.filter((x) => x.content.trim() !== "");
  // Typed tasks travel as a table of their own (STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian), mapped like any other.
  const typedTable: TImportTable | null = typedRows.length
    ? {
        title: null,
        header: ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        mapping: ["number", "content", "lead", "timeframe"],
        rows: typedRows.map((x, i) => ({
          cells: [String(i + 1), x.content.trim(), x.lead, x.timeframe.trim()],
          afterBreak: false,
          table: 1,
          row: i + 2,
        })),
      }
    : null;
  const canConfirm = withoutTables
    ? typedTable !== null
    : Boolean(mapped && mapped.problems.length === 0 && !remap.isPending);
  return (
    <Modal
      open={open}
      width={1280}
      title={t("plans.importer.title")}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          {data && <Button onClick={() => preview.reset()}>{t("plans.importer.otherFile")}</Button>}
          <Button type="primary" disabled={!canConfirm} loading={commit.isPending} onClick={() => void confirm()}>
            {t("plans.importer.confirm")}
          </Button>
        </Flex>
      }
    >
      <Steps
        size="small"
        current={data ? 1 : 0}
        items={[{ title: t("plans.importer.stepFile") }, { title: t("plans.importer.stepCheck") }]}
        style={{ marginBottom: 16 }}
      />
      {!data && (
        <Upload.Dragger
          accept=".docx,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={preview.isPending}
          beforeUpload={read}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{preview.isPending ? t("common.loading") : t("plans.importer.drop")}</p>
          <p className="ant-upload-hint">{t("plans.importer.dropHint")}</p>
        </Upload.Dragger>
      )}
      <ErrorAlert error={preview.error} />
      {data && withoutTables && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{data.fileName}</Typography.Text>
          <Alert type="warning" showIcon title={data.problems.join(" ")} />
          <ImportHeaderForm form={form} preview={data} />
          <Flex gap={16} align="start" wrap>
            <div
              data-testid="import-text"
              style={{
                flex: 1,
                minWidth: 360,
                maxWidth: "100%",
                maxHeight: 480,
                overflow: "auto",
                whiteSpace: "pre-line",
              }}
            >
              {data.text.join("\n")}
            </div>
            <TypedTasks tasks={typed} onChange={setTyped} />
          </Flex>
          <ErrorAlert error={commit.error} />
        </Flex>
      )}
      {data && table && mapped && (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{data.fileName}</Typography.Text>
          <ImportHeaderForm form={form} preview={data} />
          {data.tables.length > 1 && (
            <Flex gap={8} align="center">
              <Typography.Text strong>{t("plans.importer.table")}</Typography.Text>
              <Select
                aria-label={t("plans.importer.table")}
                style={{ minWidth: 420 }}
                value={tableIndex}
                onChange={(index: number) => {
                  setTableIndex(index);
                  remapWith(edited[index] ?? data.tables[index]!, index);
                }}
                options={data.tables.map((x, index) => ({
                  value: index,
                  label: t("plans.importer.tableOption", {
                    title: x.title ?? t("plans.importer.untitled", { index: index + 1 }),
                    count: x.rows.length,
                  }),
                }))}
              />
              <Checkbox checked={allTables} onChange={(e) => setAllTables(e.target.checked)}>
                {t("plans.importer.allTables", { count: data.tables.length })}
              </Checkbox>
            </Flex>
          )}
          {table.moneyUnit && (
            <Typography.Text type="secondary">
              {t("plans.importer.moneyUnit", { unit: table.moneyUnit })}
            </Typography.Text>
          )}
          <ImportMapping table={table} onChange={changeColumn} />
          <Alert
            type={mapped.problems.length ? "error" : "success"}
            showIcon
            data-testid="import-summary"
            title={
              mapped.problems.length
                ? `${t("plans.importer.problems")}: ${mapped.problems.join(" ")}`
                : t("plans.importer.counts", mapped.counts)
            }
          />
          {mapped.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("plans.importer.warnings")}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {mapped.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <ErrorAlert error={remap.error} />
          <div>
            <Typography.Text strong>{t("plans.importer.units")}</Typography.Text>
            <ImportUnits
              names={mapped.units}
              choices={choices}
              onChoose={(name, unitId) => setChoices((c) => ({ ...c, [name]: unitId }))}
            />
          </div>
          <div>
            <Typography.Text strong>{t("plans.importer.rows")}</Typography.Text>
            <ImportRows rows={mapped.rows} />
          </div>
          <ErrorAlert error={commit.error} />
        </Flex>
      )}
    </Modal>
  );
}

interface TTypedTask {
  content: string;
  /** The lead unit's name, matched on import like a name read from a table. */
  lead: string;
  timeframe: string;
}

/** The tasks typed by hand beside a plan's text: content, lead unit, timeframe; rows added as needed. */
function TypedTasks({ tasks, onChange }: { tasks: TTypedTask[]; onChange(tasks: TTypedTask[]): void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const set = (i: number, patch: Partial<TTypedTask>) =>
    onChange(tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Flex vertical gap={8} style={{ flex: 1, minWidth: 420 }} data-testid="typed-tasks">
      <Typography.Text strong>{t("plans.importer.typedTasks")}</Typography.Text>
      {tasks.map((task, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Flex key={i} gap={8}>
          <Input.TextArea
            aria-label={t("plans.importer.typedContent", { n: i + 1 })}
            placeholder={t("plans.importer.typedContent", { n: i + 1 })}
            autoSize
            value={task.content}
            onChange={(e) => set(i, { content: e.target.value })}
            style={{ flex: 3 }}
          />
          <Select
            aria-label={t("plans.importer.typedLead", { n: i + 1 })}
            placeholder={t("plans.importer.typedLeadShort")}
            showSearch
            allowClear
            optionFilterProp="label"
            value={task.lead || undefined}
            onChange={(v?: string) => set(i, { lead: v ?? "" })}
            options={(units.data ?? []).map((u) => ({ value: u.name, label: u.name }))}
            style={{ flex: 2 }}
          />
          <Input
            placeholder={t("plans.importer.typedTimeframe")}
            value={task.timeframe}
            onChange={(e) => set(i, { timeframe: e.target.value })}
            style={{ flex: 1 }}
          />
        </Flex>
      ))}
      <Button type="dashed" onClick={() => onChange([...tasks, { content: "", lead: "", timeframe: "" }])}>
        {t("plans.importer.typedAdd")}
      </Button>
    </Flex>
  );
}
