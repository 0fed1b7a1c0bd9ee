import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { formatDateVi, type TPlanDetail } from "@chiso/core";
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { usePlanReviews, useRecordPlanReview } from "../api/plan-reviews.ts";
import { TaskStatusTag } from "./task-status-tag.tsx";

interface TReviewForm {
  heldOn: Dayjs;
  title: string;
  participants: string;
  summary?: string;
  conclusions: { content: string; leadUnitId: string; timeframeText?: string }[];
}

/**
 * Hội nghị sơ kết (seed 001: every six months): the reviews of the plan with their conclusions as they stand, and —
 * for the plan's coordinator — recording one, each conclusion becoming a task of its lead unit.
 */
export function PlanReviews({ plan, canRecord }: { plan: TPlanDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const reviews = usePlanReviews(plan.id);
  const [recording, setRecording] = useState(false);
  return (
    <Card
      size="small"
      title={t("plans.reviews.title")}
      extra={
        canRecord && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t("plans.reviews.record")}
          </Button>
        )
      }
    >
      <ErrorAlert error={reviews.error} />
      {reviews.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plans.reviews.none")} />
      )}
      <Flex vertical gap={12} data-testid="plan-reviews">
        {reviews.data?.map((r) => (
          <div key={r.id}>
            <Typography.Text strong>
              {r.title} — {formatDateVi(r.heldOn)}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t("plans.reviews.participants")}: {r.participants}
            </Typography.Paragraph>
            {r.summary && <Typography.Paragraph style={{ margin: 0 }}>{r.summary}</Typography.Paragraph>}
            <List
              size="small"
              dataSource={r.conclusions}
              renderItem={(c) => (
                <List.Item>
                  <Space wrap>
                    <span>{c.content}</span>
                    <Typography.Text type="secondary">{c.leadUnits.map((u) => u.name).join(", ")}</Typography.Text>
                    <TaskStatusTag status={c.status} overdue={false} />
                  </Space>
                </List.Item>
              )}
            />
          </div>
        ))}
      </Flex>
      {recording && <RecordReviewModal plan={plan} onClose={() => setRecording(false)} />}
    </Card>
  );
}

function RecordReviewModal({ plan, onClose }: { plan: TPlanDetail; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TReviewForm>();
  const units = useUnits();
  const record = useRecordPlanReview();
  const submit = (v: TReviewForm) =>
    record.mutate(
      {
        planId: plan.id,
        heldOn: v.heldOn.format("YYYY-MM-DD"),
        title: v.title,
        participants: v.participants,
        summary: v.summary || null,
        conclusions: v.conclusions.map((c) => ({
          content: c.content,
          leadUnitId: c.leadUnitId,
          cooperatingUnitIds: [],
          timeframeText: c.timeframeText || null,
        })),
      },
      {
        onSuccess: () => {
          void message.success(t("plans.reviews.recorded"));
          onClose();
        },
      },
    );
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open
      width={860}
      title={t("plans.reviews.record")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: t("plans.reviews.defaultTitle"), conclusions: [{}] }}
      >
        <Flex gap={12}>
          <Form.Item
            label={t("plans.reviews.heldOn")}
            name="heldOn"
            rules={[{ required: true, message: t("plans.reviews.heldOnRequired") }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t("plans.reviews.name")} name="title" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t("plans.reviews.participants")}
          name="participants"
          rules={[{ required: true, min: 3, message: t("plans.reviews.participantsRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label={t("plans.reviews.summary")} name="summary">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Typography.Text strong>{t("plans.reviews.conclusions")}</Typography.Text>
        <Form.List name="conclusions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, "content"]}
                    rules={[{ required: true, message: t("plans.reviews.contentRequired") }]}
                    style={{ flex: 3, margin: 0 }}
                  >
                    <Input.TextArea
                      aria-label={t("plans.reviews.conclusionN", { n: i + 1 })}
                      placeholder={t("plans.reviews.conclusionN", { n: i + 1 })}
                      autoSize
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "leadUnitId"]}
                    rules={[{ required: true, message: t("plans.reviews.leadRequired") }]}
                    style={{ flex: 2, margin: 0 }}
                  >
                    <Select
                      aria-label={t("plans.reviews.leadN", { n: i + 1 })}
                      placeholder={t("plans.reviews.lead")}
                      showSearch
                      optionFilterProp="label"
                      options={unitOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "timeframeText"]} style={{ flex: 1, margin: 0 }}>
                    <Input placeholder={t("plans.reviews.timeframe")} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t("plans.reviews.addConclusion")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      <ErrorAlert error={record.error} />
    </Modal>
  );
}
