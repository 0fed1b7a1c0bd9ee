import { UploadOutlined } from "@ant-design/icons";
import {
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  type TInputValue,
  type TReportedValues,
  type TRound,
  type TSheet,
  type TSheetCriterion,
} from "@chiso/core";
import { Alert, App, Button, Card, Flex, Input, Progress, Select, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { IndicatorValueInputs } from "../../../components/indicator-value-inputs.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useDocuments } from "../../evidence/api/documents.ts";
import { UploadModal } from "../../reports/components/report-evidence.tsx";
import { useAnswerRequest, useSaveEntry, useSheet, useSheetAction } from "../api/rounds.ts";
import { AgencyResult } from "./agency-result.tsx";

/** The agency's self-assessment form, generated from the framework: one card per criterion. */
export function SheetPanel({ round, unitId }: { round: TRound; unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sheet = useSheet(round.id, unitId);
  const action = useSheetAction();
  const [uploading, setUploading] = useState(false);
  if (sheet.isPending) return <Spin />;
  if (sheet.error || !sheet.data) return <ErrorAlert error={sheet.error} onRetry={() => sheet.refetch()} />;
  const s = sheet.data;
  const act = (kind: "submit" | "recall") =>
    action.mutate(
      { id: round.id, unitId, action: kind, version: s.version },
      {
        onSuccess: () => void message.success(t(`assessments.sheet.${kind}Done`)),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  const mains = [...new Set(s.criteria.map((c) => c.mainCode))];
  return (
    <Flex vertical gap={16}>
      {round.status === "published" && <AgencyResult round={round} sheet={s} />}
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical gap={4}>
            <Typography.Text strong data-testid="sheet-progress">
              {t("assessments.sheet.progress", {
                answered: s.progress.answered,
                total: s.progress.total,
                missing: s.progress.missingEvidence,
              })}
            </Typography.Text>
            <Progress percent={Math.round((s.progress.answered / Math.max(1, s.progress.total)) * 100)} size="small" />
            <Typography.Text data-testid="sheet-total">
              {t("assessments.sheet.total", { self: formatNumberVi(s.selfTotal), max: formatNumberVi(s.maxTotal) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t("assessments.sheet.deadline", { at: formatDateTimeVi(s.deadline) })}
              {s.extensionReason ? ` · ${t("assessments.sheet.extended", { reason: s.extensionReason })}` : ""}
            </Typography.Text>
          </Flex>
          <Space wrap>
            <a href={`/api/assessment-rounds/${round.id}/sheets/${unitId}/sheet.xlsx`}>
              {t("assessments.sheet.download")}
            </a>
            <Tag color={s.status === "submitted" ? "success" : "default"}>
              {t(`assessments.sheet.status.${s.status}`)}
            </Tag>
            {!s.locked && (
              <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
                {t("assessments.sheet.upload")}
              </Button>
            )}
            {!s.locked && s.status === "draft" && (
              <Button type="primary" loading={action.isPending} onClick={() => act("submit")}>
                {t("assessments.sheet.submit")}
              </Button>
            )}
            {!s.locked && s.status === "submitted" && (
              <Button loading={action.isPending} onClick={() => act("recall")}>
                {t("assessments.sheet.recall")}
              </Button>
            )}
          </Space>
        </Flex>
        {s.locked && round.status === "open" && (
          <Alert type="warning" showIcon message={t("assessments.sheet.locked")} />
        )}
      </Card>
      {mains.map((main) => (
        <Flex vertical gap={8} key={main}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("assessments.sheet.main", { code: main })}
          </Typography.Title>
          {s.criteria
            .filter((c) => c.mainCode === main)
            .map((c) => (
              <CriterionCard key={c.indicatorId} round={round} sheet={s} criterion={c} />
            ))}
        </Flex>
      ))}
      <UploadModal
        open={uploading}
        unitId={unitId}
        onClose={() => setUploading(false)}
        onUploaded={() => {
          setUploading(false);
          void message.success(t("assessments.sheet.uploaded"));
        }}
      />
    </Flex>
  );
}

const STATUS_COLORS: Record<string, string> = {
  scored: "success",
  not_applicable: "default",
  missing_evidence: "volcano",
  not_reported: "default",
  manual_pending: "default",
  invalid: "error",
};

function CriterionCard({ round, sheet, criterion: c }: { round: TRound; sheet: TSheet; criterion: TSheetCriterion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveEntry();
  const documents = useDocuments(sheet.unitId);
  const [values, setValues] = useState<TReportedValues>(c.values);
  const [proposed, setProposed] = useState<number | null>(c.proposedPoints);
  const [explanation, setExplanation] = useState(c.explanation ?? "");
  const [documentIds, setDocumentIds] = useState(c.documents.map((d) => d.id));
  // Fields whose text does not read as an allowed number: nothing is saved while one shows an error.
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  const noteProblem = (key: string, problem: string | null) =>
    setProblems((old) => (old[key] === problem ? old : { ...old, [key]: problem }));
  const blocked = Object.values(problems).some(Boolean);
  const judgement = !c.rule || c.rule.type === "manual";
  const editable = !sheet.locked && sheet.status === "draft";
  const submit = () =>
    save.mutate(
      {
        id: round.id,
        unitId: sheet.unitId,
        indicatorId: c.indicatorId,
        values: judgement ? {} : values,
        proposedPoints: judgement ? proposed : null,
        explanation: explanation || null,
        documentIds,
      },
      {
        onSuccess: () => void message.success(t("assessments.sheet.saved", { code: c.code })),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Card
      size="small"
      data-testid={`criterion-${c.code}`}
      title={`${c.code}. ${c.name}`}
      // the criterion's name is what the agency answers: wrapped, never cut to "1.1. Trưởng Ban ch…"
      styles={{ title: { whiteSpace: "normal" } }}
      extra={
        <Space>
          <Tag color={STATUS_COLORS[c.selfStatus]}>{t(`assessments.scoreStatus.${c.selfStatus}`)}</Tag>
          <Typography.Text strong data-testid={`points-${c.code}`}>
            {formatNumberVi(c.selfPoints)}/{formatNumberVi(c.maxScore)} đ
          </Typography.Text>
        </Space>
      }
    >
      <Flex vertical gap={8}>
        {judgement ? (
          <Flex align="center" gap={8}>
            <Typography.Text>{t("assessments.sheet.proposed")}</Typography.Text>
            <NumberInput
              aria-label={`${c.code} ${t("assessments.sheet.proposed")}`}
              min={0}
              max={c.maxScore}
              maxLabel="điểm tối đa"
              disabled={!editable}
              value={proposed}
              onChange={(v) => setProposed(v)}
              onProblem={(problem) => noteProblem("proposed", problem)}
              style={{ width: 110 }}
            />
          </Flex>
        ) : (
          <IndicatorValueInputs
            indicator={{ ...c, unitOfMeasure: c.unitOfMeasure }}
            values={values}
            disabled={!editable}
            onChange={(key: string, value: TInputValue) => setValues((old) => ({ ...old, [key]: value }))}
            onProblem={noteProblem}
          />
        )}
        <Typography.Text type="secondary">{c.selfExplanation}</Typography.Text>
        <Input.TextArea
          aria-label={`${c.code} ${t("assessments.sheet.explanation")}`}
          placeholder={t("assessments.sheet.explanation")}
          autoSize={{ minRows: 1 }}
          disabled={!editable}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
        <Select
          mode="multiple"
          aria-label={`${c.code} ${t("assessments.sheet.evidence")}`}
          placeholder={c.evidenceText ?? t("assessments.sheet.evidence")}
          disabled={!editable}
          value={documentIds}
          onChange={setDocumentIds}
          optionFilterProp="label"
          options={[
            ...(documents.data ?? []).map((d) => ({ value: d.id, label: documentLabel(d) })),
            ...c.documents
              .filter((d) => !(documents.data ?? []).some((x) => x.id === d.id))
              .map((d) => ({ value: d.id, label: documentLabel(d) })),
          ]}
        />
        {editable && (
          <Flex justify="end">
            <Button onClick={submit} loading={save.isPending} disabled={blocked}>
              {t("assessments.sheet.save", { code: c.code })}
            </Button>
          </Flex>
        )}
        {c.appraisedPoints !== null && round.status !== "open" && (
          <Typography.Text>
            {t("assessments.sheet.appraised", { points: formatNumberVi(c.appraisedPoints) })}
            {c.appraisalReason ? ` — ${c.appraisalReason}` : ""}
          </Typography.Text>
        )}
        {c.requests.map((r) => (
          <RequestItem key={r.id} request={r} />
        ))}
      </Flex>
    </Card>
  );
}

function documentLabel(d: {
  fileName: string;
  docNumber: string | null;
  issuedOn: string | null;
  summary: string | null;
}) {
  return [d.docNumber, d.issuedOn ? formatDateVi(d.issuedOn) : null, d.summary ?? d.fileName]
    .filter(Boolean)
    .join(" · ");
}

function RequestItem({ request }: { request: TSheetCriterion["requests"][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerRequest();
  const [text, setText] = useState("");
  return (
    <Alert
      type={request.status === "open" ? "warning" : "info"}
      message={`${t(`assessments.requestKind.${request.kind}`)} (${t("assessments.dueAt", { at: formatDateTimeVi(request.dueAt) })}): ${request.body}`}
      description={
        request.status === "open" ? (
          <Flex gap={8}>
            <Input.TextArea
              aria-label={t("assessments.answer")}
              autoSize={{ minRows: 1 }}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button
              loading={answer.isPending}
              onClick={() =>
                answer.mutate(
                  { requestId: request.id, answer: text },
                  {
                    onSuccess: () => void message.success(t("assessments.answered")),
                    onError: (error) => void message.error(errorMessage(error)),
                  },
                )
              }
            >
              {t("assessments.sendAnswer")}
            </Button>
          </Flex>
        ) : (
          `${t("assessments.answer")}: ${request.answer ?? ""} · ${t(`assessments.requestStatus.${request.status}`)}`
        )
      }
    />
  );
}
