import { ArrowLeftOutlined, CheckCircleOutlined, CloudSyncOutlined, WarningOutlined } from "@ant-design/icons";
import { findValueProblems, formatDateTimeVi, formatNumberVi, scoreIndicator, type TReportDetail } from "@chiso/core";
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { IndicatorValueInputs } from "../../../components/indicator-value-inputs.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { usePhone } from "../../../lib/use-phone.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useReport } from "../api/report.ts";
import { type TDraft, useAutosave } from "../api/use-autosave.ts";
import { ConsolidationPanel } from "./consolidation-panel.tsx";
import { DeadlineText } from "./deadline-text.tsx";
import { OfficeWorkPanel } from "./office-work-panel.tsx";
import { ReportActions } from "./report-actions.tsx";
import { ReportEvidence } from "./report-evidence.tsx";
import { ReportStatusTag } from "./report-status-tag.tsx";
import { ReportHistory, ReportThread } from "./report-thread.tsx";

export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const report = useReport(id);
  const autosave = useAutosave(report.data);
  const me = useMe().data;
  const phone = usePhone();

  if (report.error)
    return (
      <ErrorAlert
        error={report.error}
        onRetry={() => report.refetch()}
        back={{ to: "/reports", label: t("reports.backToList") }}
      />
    );
  if (!report.data || !autosave.draft) return <Skeleton active />;
  const r = report.data;
  const isLeadReviewer = r.role === "lead" && me?.unitId === r.unit.id;

  return (
    <Flex vertical gap={16}>
      <Link to="/reports">
        <ArrowLeftOutlined /> {t("nav.reports")}
      </Link>
      <Card>
        <Flex justify="space-between" wrap gap={12}>
          <div style={{ flex: "1 1 320px", minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.indicator.code}. {r.indicator.name}
            </Typography.Title>
            <Space wrap style={{ marginTop: 8 }}>
              <ReportStatusTag status={r.status} explanationDue={Boolean(r.explanationDueAt)} />
              {r.role === "lead" ? (
                <Tag color="red">{t("reports.roles.lead")}</Tag>
              ) : (
                <Tag>{t("reports.roles.cooperate")}</Tag>
              )}
              <span>{r.unit.name}</span>·<span>{r.period.label}</span>·
              <DeadlineText deadline={r.window.deadline} daysLeft={r.window.daysLeft} open={r.window.open} />
            </Space>
          </div>
          {!phone && <ReportActions report={r} beforeAction={autosave.flush} />}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t("frameworks.maxScore")}>{formatNumberVi(r.indicator.maxScore)}</Descriptions.Item>
          <Descriptions.Item label={t("frameworks.lead")}>{r.leadUnit?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("frameworks.rule")}>
            {r.indicator.rule ? t(`frameworks.ruleTypes.${r.indicator.rule.type}`) : "—"}
          </Descriptions.Item>
        </Descriptions>
        {r.indicator.autoMeasured && (
          <Alert type="info" showIcon title={t("reports.autoMeasured")} style={{ marginTop: 8 }} />
        )}
        {r.indicator.guidance && (
          <Alert
            type="info"
            showIcon
            title={t("editor.guidance")}
            description={r.indicator.guidance}
            style={{ marginTop: 8 }}
          />
        )}
      </Card>
      <Notices
        report={r}
        autosave={autosave}
        onReload={() => report.refetch().then((res) => res.data && autosave.load(res.data))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <ValuesCard
              report={r}
              draft={autosave.draft}
              onChange={autosave.change}
              onBlocked={autosave.setBlocked}
              saveState={phone ? null : <SaveState autosave={autosave} editable={r.editable} />}
            />
            <ReportEvidence report={r} />
            {isLeadReviewer && <ConsolidationPanel report={r} />}
            <OfficeWorkPanel report={r} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <ScoreCard report={r} draft={autosave.draft} />
            <ReportThread report={r} />
            <ReportHistory report={r} />
          </Flex>
        </Col>
      </Row>
      {phone && (
        <PhoneActionBar>
          <SaveState autosave={autosave} editable={r.editable} />
          <Flex gap={8} wrap>
            {r.editable && (
              <Button onClick={() => void autosave.flush()} loading={autosave.state === "saving"}>
                {t("common.save")}
              </Button>
            )}
            <ReportActions report={r} beforeAction={autosave.flush} />
          </Flex>
        </PhoneActionBar>
      )}
    </Flex>
  );
}

/**
 * On a phone the form is one long column: saving and the report's actions (send, accept, verify…) stay pinned to
 * the bottom of the screen, reachable wherever the reporter has scrolled to.
 */
function PhoneActionBar({ children }: { children: React.ReactNode }) {
  return (
    <Flex
      vertical
      gap={6}
      data-testid="report-action-bar"
      className="no-print"
      style={{
        position: "sticky",
        bottom: 0,
        zIndex: 5,
        margin: "0 -12px -12px",
        padding: "8px 12px",
        background: "#fff",
        borderTop: "1px solid #eee",
        boxShadow: "0 -2px 8px rgba(0, 0, 0, 0.06)",
      }}
    >
      {children}
    </Flex>
  );
}

type TAutosave = ReturnType<typeof useAutosave>;

function Notices({ report, autosave, onReload }: { report: TReportDetail; autosave: TAutosave; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <>
      {report.explanationDueAt && report.status === "returned" && (
        <Alert
          type="warning"
          showIcon
          title={t("reports.explainBy", { at: formatDateTimeVi(report.explanationDueAt) })}
        />
      )}
      {!report.window.open && ["draft", "returned"].includes(report.status) && (
        <Alert type="error" showIcon title={t("reports.lockedLate")} />
      )}
      {autosave.restored === "restored" && (
        <Alert
          type="info"
          showIcon
          closable
          title={t("reports.restored")}
          action={
            <Button size="small" onClick={autosave.discardBackup}>
              {t("reports.discard")}
            </Button>
          }
        />
      )}
      {autosave.restored === "stale" && (
        <Alert
          type="warning"
          showIcon
          title={t("reports.staleBackup")}
          action={
            <Space>
              <Button size="small" onClick={autosave.applyStaleBackup}>
                {t("reports.useMine")}
              </Button>
              <Button size="small" onClick={autosave.discardBackup}>
                {t("reports.discard")}
              </Button>
            </Space>
          }
        />
      )}
      {autosave.state === "conflict" && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(autosave.error)}
          action={
            <Button size="small" onClick={onReload}>
              {t("reports.reload")}
            </Button>
          }
        />
      )}
    </>
  );
}

function SaveState({ autosave, editable }: { autosave: TAutosave; editable: boolean }) {
  const { t } = useTranslation();
  if (!editable) return null;
  if (autosave.state === "saving")
    return (
      <Typography.Text type="secondary">
        <CloudSyncOutlined /> {t("reports.saving")}
      </Typography.Text>
    );
  if (autosave.state === "error")
    return (
      <Typography.Text type="danger" data-testid="save-state">
        <WarningOutlined /> {t("reports.saveFailed")}{" "}
        <Button size="small" onClick={() => void autosave.flush()}>
          {t("common.retry")}
        </Button>
      </Typography.Text>
    );
  if (autosave.state === "blocked")
    return (
      <Typography.Text type="warning" data-testid="save-state">
        <WarningOutlined /> {t("reports.notSavedFix")}
      </Typography.Text>
    );
  if (autosave.state === "saved" && autosave.savedAt)
    return (
      <Typography.Text type="success" data-testid="save-state">
        <CheckCircleOutlined /> {t("reports.savedAt", { at: formatDateTimeVi(autosave.savedAt) })}
      </Typography.Text>
    );
  return null;
}

function ValuesCard({
  report,
  draft,
  onChange,
  onBlocked,
  saveState,
}: {
  report: TReportDetail;
  draft: TDraft;
  onChange(d: TDraft): void;
  /** True while a field shows an error: the text on screen is then not what would be saved. */
  onBlocked(blocked: boolean): void;
  saveState: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  // Only the unit's own typing is held back: a reviewer must still be able to return a report whose stored values
  // are wrong (saved before these checks existed).
  const judgement = report.indicator.rule?.type === "manual";
  // A proposal is only saved with its explanation (the server refuses it otherwise): hold saving until it is written.
  const needsExplanation =
    judgement &&
    draft.proposedPoints !== null &&
    draft.proposedPoints !== undefined &&
    (draft.proposedExplanation ?? "").trim().length < 5;
  const blocked =
    report.editable &&
    (Object.keys(fieldProblems).length > 0 ||
      needsExplanation ||
      findValueProblems(report.indicator, draft.values).length > 0);
  useEffect(() => onBlocked(blocked), [blocked, onBlocked]);
  return (
    <Card title={t("reports.values")} extra={saveState}>
      <Flex vertical gap={16}>
        <IndicatorValueInputs
          indicator={report.indicator}
          values={draft.values}
          disabled={!report.editable}
          onChange={(key, value) => onChange({ ...draft, values: { ...draft.values, [key]: value } })}
          onProblem={(key, message) =>
            setFieldProblems((current) => {
              const { [key]: _old, ...rest } = current;
              return message ? { ...rest, [key]: message } : rest;
            })
          }
        />
        <div>
          <Typography.Text>{t("reports.note")}</Typography.Text>
          <Input.TextArea
            aria-label={t("reports.note")}
            disabled={!report.editable}
            autoSize={{ minRows: 2, maxRows: 8 }}
            value={draft.note ?? ""}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        </div>
        {judgement && (
          <Flex vertical gap={4} data-testid="proposed-points">
            <Typography.Text strong>{t("reports.proposedPoints")}</Typography.Text>
            <Typography.Text type="secondary">
              {t("reports.proposedHelp", { max: formatNumberVi(report.indicator.maxScore) })}
            </Typography.Text>
            <NumberInput
              aria-label={t("reports.proposedPoints")}
              disabled={!report.editable}
              value={draft.proposedPoints ?? null}
              min={0}
              max={report.indicator.maxScore}
              maxLabel="điểm tối đa"
              style={{ maxWidth: 200 }}
              onChange={(value) =>
                // INVALID_NUMBER (NaN) is held by the field's own error, never sent
                onChange({
                  ...draft,
                  proposedPoints: value !== null && Number.isNaN(value) ? draft.proposedPoints : value,
                })
              }
              onProblem={(message) =>
                setFieldProblems((current) => {
                  const { proposedPoints: _old, ...rest } = current;
                  return message ? { ...rest, proposedPoints: message } : rest;
                })
              }
            />
            <Typography.Text>{t("reports.proposedExplanation")}</Typography.Text>
            <Input.TextArea
              aria-label={t("reports.proposedExplanation")}
              disabled={!report.editable}
              autoSize={{ minRows: 2, maxRows: 6 }}
              status={report.editable && needsExplanation ? "error" : undefined}
              value={draft.proposedExplanation ?? ""}
              onChange={(e) => onChange({ ...draft, proposedExplanation: e.target.value })}
            />
            {report.editable && needsExplanation && (
              <Typography.Text type="danger">{t("reports.proposedNeedsExplanation")}</Typography.Text>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** The self-assessed score as the engine computes it from what is typed now, and the appraisal once given. */
function ScoreCard({ report, draft }: { report: TReportDetail; draft: TDraft }) {
  const { t } = useTranslation();
  const live = useMemo(
    () =>
      report.indicator.rule
        ? scoreIndicator({
            code: report.indicator.code,
            maxScore: report.indicator.maxScore,
            rule: report.indicator.rule,
            values: draft.values,
            manualPoints: draft.proposedPoints === undefined ? report.proposedPoints : draft.proposedPoints,
            evidence: { required: report.indicator.evidenceRequired, count: report.documents.length },
            unitLabel: report.indicator.unitOfMeasure ?? undefined,
          })
        : null,
    [report, draft.values, draft.proposedPoints],
  );
  return (
    <Card title={t("reports.score")}>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="self-score">
        {formatNumberVi(live?.points ?? report.selfPoints ?? 0, { decimals: 2 })} /{" "}
        {formatNumberVi(report.indicator.maxScore)}
      </Typography.Title>
      <Typography.Paragraph
        type={live?.status === "missing_evidence" || live?.status === "invalid" ? "danger" : "secondary"}
      >
        {live?.explanation ?? report.selfExplanation}
      </Typography.Paragraph>
      {report.appraisedPoints !== null && (
        <Alert
          type="success"
          showIcon
          title={t("reports.appraisedResult", { points: formatNumberVi(report.appraisedPoints, { decimals: 2 }) })}
          description={report.appraisalComment}
        />
      )}
    </Card>
  );
}
