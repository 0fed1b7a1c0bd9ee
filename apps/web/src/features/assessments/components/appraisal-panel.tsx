import { formatDateTimeVi, formatDateVi, formatNumberVi, type TCriterionTable, type TRound } from "@chiso/core";
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useAppraise, useCloseRequest, useCriterionTable, useRequestExplanation } from "../api/rounds.ts";

type TRow = TCriterionTable["rows"][number];

/** The council member's table: one criterion across every agency, with points, reasons and requests. */
export function AppraisalPanel({
  round,
  criteria,
}: {
  round: TRound;
  criteria: { indicatorId: string; code: string; name: string; maxScore: number }[];
}) {
  const { t } = useTranslation();
  const [indicatorId, setIndicatorId] = useState(criteria[0]?.indicatorId);
  const table = useCriterionTable(round.id, indicatorId);
  const [asking, setAsking] = useState<TRow | null>(null);
  return (
    <Flex vertical gap={12}>
      <Select
        aria-label={t("assessments.appraise.criterion")}
        style={{ maxWidth: 720 }}
        value={indicatorId}
        onChange={setIndicatorId}
        options={criteria.map((c) => ({
          value: c.indicatorId,
          label: `${c.code}. ${c.name} (${formatNumberVi(c.maxScore)} đ)`,
        }))}
      />
      <ErrorAlert error={table.error} onRetry={() => table.refetch()} />
      <Table<TRow>
        rowKey="unitId"
        size="small"
        loading={table.isPending}
        dataSource={table.data?.rows ?? []}
        pagination={false}
        columns={[
          {
            title: t("assessments.agency"),
            width: 200,
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Typography.Text>{r.unitName}</Typography.Text>
                <a href={`/api/assessment-rounds/${round.id}/sheets/${r.unitId}/sheet.xlsx`}>
                  {t("assessments.appraise.sheet")}
                </a>
              </Flex>
            ),
          },
          {
            title: t("assessments.appraise.answer"),
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Typography.Text>{r.selfExplanation}</Typography.Text>
                {r.explanation && <Typography.Text type="secondary">{r.explanation}</Typography.Text>}
                {r.documents.map((d) => (
                  <Typography.Text key={d.id} type="secondary">
                    📄{" "}
                    {[d.docNumber, d.issuedOn ? formatDateVi(d.issuedOn) : null, d.summary ?? d.fileName]
                      .filter(Boolean)
                      .join(" · ")}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          { title: t("assessments.appraise.self"), render: (_, r) => formatNumberVi(r.selfPoints), width: 90 },
          {
            title: t("assessments.appraise.appraised"),
            width: 360,
            render: (_, r) => <AppraiseCell round={round} row={r} maxScore={table.data?.criterion.maxScore ?? 0} />,
          },
          {
            title: t("assessments.appraise.requests"),
            width: 300,
            render: (_, r) => (
              <Flex vertical gap={4}>
                {r.requests.map((q) => (
                  <RequestLine key={q.id} request={q} />
                ))}
                <Button size="small" onClick={() => setAsking(r)}>
                  {t("assessments.appraise.ask")}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {asking && indicatorId && (
        <AskModal round={round} row={asking} indicatorId={indicatorId} onClose={() => setAsking(null)} />
      )}
    </Flex>
  );
}

function AppraiseCell({ round, row, maxScore }: { round: TRound; row: TRow; maxScore: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appraise = useAppraise();
  const [points, setPoints] = useState<number | null>(row.appraisedPoints ?? row.selfPoints);
  const [reason, setReason] = useState(row.appraisalReason ?? "");
  return (
    <Flex vertical gap={4}>
      <Space>
        <NumberInput
          aria-label={`${row.unitName} ${t("assessments.appraise.appraised")}`}
          min={0}
          max={maxScore}
          maxLabel="điểm tối đa"
          value={points}
          onChange={setPoints}
          style={{ width: 110 }}
        />
        <Button
          size="small"
          type="primary"
          loading={appraise.isPending}
          onClick={() =>
            points !== null &&
            !Number.isNaN(points) &&
            appraise.mutate(
              { id: round.id, unitId: row.unitId, indicatorId: row.indicatorId, points, reason: reason || null },
              {
                onSuccess: () => void message.success(t("assessments.appraise.saved", { unit: row.unitName })),
                onError: (error) => void message.error(errorMessage(error)),
              },
            )
          }
        >
          {t("common.save")}
        </Button>
        {row.appraisedPoints !== null && <Tag color="blue">{t("assessments.appraise.done")}</Tag>}
      </Space>
      <Input
        size="small"
        aria-label={`${row.unitName} ${t("assessments.appraise.reason")}`}
        placeholder={t("assessments.appraise.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Flex>
  );
}

function RequestLine({ request }: { request: TRow["requests"][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseRequest();
  return (
    <Flex vertical gap={2} style={{ borderLeft: "3px solid #faad14", paddingLeft: 6 }}>
      <Typography.Text>
        {t(`assessments.requestKind.${request.kind}`)}: {request.body}{" "}
        <Tag>{t(`assessments.requestStatus.${request.status}`)}</Tag>
      </Typography.Text>
      {request.answer && <Typography.Text type="secondary">↳ {request.answer}</Typography.Text>}
      {request.status === "answered" && (
        <Button
          size="small"
          loading={close.isPending}
          onClick={() =>
            close.mutate(request.id, {
              onSuccess: () => void message.success(t("assessments.appraise.accepted")),
              onError: (error) => void message.error(errorMessage(error)),
            })
          }
        >
          {t("assessments.appraise.accept")}
        </Button>
      )}
      {request.status === "open" && (
        <Typography.Text type="secondary">
          {t("assessments.dueAt", { at: formatDateTimeVi(request.dueAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function AskModal({
  round,
  row,
  indicatorId,
  onClose,
}: {
  round: TRound;
  row: TRow;
  indicatorId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ask = useRequestExplanation();
  const [form] = Form.useForm<{ kind: "explain" | "supplement"; body: string; dueAt: Dayjs }>();
  return (
    <Modal
      open
      title={t("assessments.appraise.askTitle", { unit: row.unitName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("assessments.appraise.send")}
      confirmLoading={ask.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "explain", dueAt: dayjs().add(7, "day") }}
        onFinish={(v) =>
          ask.mutate(
            {
              id: round.id,
              unitId: row.unitId,
              indicatorId,
              kind: v.kind,
              body: v.body,
              dueAt: v.dueAt.endOf("day").toISOString(),
            },
            {
              onSuccess: () => {
                void message.success(t("assessments.appraise.asked"));
                onClose();
              },
              onError: (error) => void message.error(errorMessage(error)),
            },
          )
        }
      >
        <Form.Item name="kind" label={t("assessments.appraise.kind")}>
          <Select
            options={[
              { value: "explain", label: t("assessments.requestKind.explain") },
              { value: "supplement", label: t("assessments.requestKind.supplement") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("assessments.appraise.content")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="dueAt" label={t("assessments.appraise.due")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
