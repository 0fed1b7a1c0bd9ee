import { PlusOutlined } from "@ant-design/icons";
import {
  canSomewhere,
  DEFAULT_GRADE_BANDS,
  formatDateTimeVi,
  formatDateVi,
  type TRound,
  toVietnamIso,
} from "@chiso/core";
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { errorMessage, registerMessages } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useFrameworks } from "../../frameworks/api/list-frameworks.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { useChangeRoundStatus, useCreateRound, useRounds } from "../api/rounds.ts";
import { assessmentsMessages } from "../messages.ts";
import { PublishDialog } from "./publish-dialog.tsx";

registerMessages("assessments", assessmentsMessages);

export const STATUS_COLORS: Record<TRound["status"], string> = {
  draft: "default",
  open: "processing",
  appraising: "warning",
  published: "success",
};

/** Đợt đánh giá: every round the user sees; the coordinator creates, opens, closes for appraisal and publishes. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const rounds = useRounds();
  const changeStatus = useChangeRoundStatus();
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<TRound | null>(null);
  const manages = me ? canSomewhere(me, "assessment.manage") : false;

  const advance = (round: TRound, status: "open" | "appraising") =>
    changeStatus.mutate(
      { id: round.id, status },
      {
        onSuccess: () => void message.success(t(`assessments.statusDone.${status}`)),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("assessments.title")}
        </Typography.Title>
        {manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("assessments.create")}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={rounds.error} onRetry={() => rounds.refetch()} />
      <Table<TRound>
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data ?? []}
        pagination={false}
        locale={{ emptyText: t("assessments.none") }}
        columns={[
          {
            title: t("assessments.name"),
            render: (_, r) => <Link to={`/assessments/${r.id}`}>{r.name}</Link>,
          },
          { title: t("assessments.year"), dataIndex: "year", width: 80 },
          { title: t("assessments.group"), dataIndex: "groupName" },
          {
            title: t("assessments.status"),
            render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`assessments.statuses.${r.status}`)}</Tag>,
          },
          {
            title: t("assessments.submitted"),
            render: (_, r) => `${r.submittedCount}/${r.agencyCount}`,
            width: 110,
          },
          { title: t("assessments.deadline"), render: (_, r) => formatDateTimeVi(r.selfDeadline), width: 150 },
          {
            title: t("assessments.decision"),
            render: (_, r) =>
              r.publication
                ? `${r.publication.decisionNumber} (${formatDateVi(r.publication.decisionDate)})${r.publication.version > 1 ? ` · ${t("assessments.versionN", { n: r.publication.version })}` : ""}`
                : "",
          },
          ...(manages
            ? [
                {
                  title: t("common.actions"),
                  render: (_: unknown, r: TRound) => (
                    <Space>
                      {r.status === "draft" && (
                        <Button size="small" onClick={() => advance(r, "open")}>
                          {t("assessments.openSelf")}
                        </Button>
                      )}
                      {r.status === "open" && (
                        <Button size="small" onClick={() => advance(r, "appraising")}>
                          {t("assessments.toAppraisal")}
                        </Button>
                      )}
                      {r.status === "appraising" && (
                        <Button size="small" type="primary" onClick={() => setPublishing(r)}>
                          {t("assessments.publish")}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating && <CreateRoundModal onClose={() => setCreating(false)} />}
      {publishing && <PublishDialog round={publishing} onClose={() => setPublishing(null)} />}
    </Flex>
  );
}

interface TCreateForm {
  name: string;
  year: number;
  frameworkId: string;
  groupName: string;
  unitIds: string[];
  selfStart: Dayjs;
  selfDeadline: Dayjs;
  appraisalStart: Dayjs;
  appraisalEnd: Dayjs;
}

const isoDay = (d: Dayjs) => d.format("YYYY-MM-DD");

function CreateRoundModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TCreateForm>();
  const frameworks = useFrameworks();
  const units = useUnits();
  const create = useCreateRound();
  const agencyFrameworks = (frameworks.data ?? []).filter((f) => f.level !== "province" && f.status === "published");

  const submit = (values: TCreateForm) =>
    create.mutate(
      {
        name: values.name,
        year: values.year,
        frameworkId: values.frameworkId,
        groupName: values.groupName,
        unitIds: values.unitIds,
        gradeBands: [...DEFAULT_GRADE_BANDS],
        selfStart: isoDay(values.selfStart),
        // the deadline is the last second of the day in Vietnam time
        selfDeadline: toVietnamIso(`${isoDay(values.selfDeadline)}T23:59:59`),
        appraisalStart: isoDay(values.appraisalStart),
        appraisalEnd: isoDay(values.appraisalEnd),
      },
      {
        onSuccess: () => {
          void message.success(t("assessments.created"));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );

  return (
    <Modal
      open
      title={t("assessments.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={create.isPending}
      width={720}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item
          name="name"
          label={t("assessments.name")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t("assessments.year")} rules={[{ required: true }, ...numberRules]}>
            <NumberInput grouping={false} integer min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="frameworkId"
            label={t("assessments.framework")}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t("assessments.required") }]}
          >
            <Select options={agencyFrameworks.map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="groupName"
          label={t("assessments.group")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <Input placeholder="Sở, ban, ngành cấp tỉnh" />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t("assessments.agencies")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="selfStart" label={t("assessments.selfStart")} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="selfDeadline" label={t("assessments.deadline")} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="appraisalStart" label={t("assessments.appraisalStart")} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="appraisalEnd" label={t("assessments.appraisalEnd")} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary">{t("assessments.bandsNote")}</Typography.Text>
      </Form>
    </Modal>
  );
}
