import { formatDateTimeVi, formatDateVi } from "@chiso/core";
import { Descriptions, Flex, Spin, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { registerMessages } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useAppraisals, useRound } from "../api/rounds.ts";
import { assessmentsMessages } from "../messages.ts";
import { AppraisalPanel } from "./appraisal-panel.tsx";
import { CouncilPanel } from "./council-panel.tsx";
import { ResultsPanel } from "./results-panel.tsx";
import { STATUS_COLORS } from "./rounds-page.tsx";
import { SheetPanel } from "./sheet-panel.tsx";

registerMessages("assessments", assessmentsMessages);

/** One round: the agency's own sheet, the council's tables, results — each tab only for who may use it. */
export function RoundPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe().data;
  const round = useRound(id);
  const appraisals = useAppraisals(id, Boolean(round.data && round.data.status !== "draft"));
  if (round.isPending) return <Spin />;
  if (round.error || !round.data || !me) return <ErrorAlert error={round.error} onRetry={() => round.refetch()} />;
  const r = round.data;
  const myUnit = r.myUnitIds[0];
  const seesResults = r.allowed.results;
  const manages = r.allowed.manage;
  const items = [
    ...(myUnit
      ? [{ key: "sheet", label: t("assessments.tabs.sheet"), children: <SheetPanel round={r} unitId={myUnit} /> }]
      : []),
    ...((appraisals.data ?? []).length > 0 && r.status === "appraising"
      ? [
          {
            key: "appraise",
            label: t("assessments.tabs.appraise"),
            children: <AppraisalPanel round={r} criteria={appraisals.data ?? []} />,
          },
        ]
      : []),
    ...(seesResults
      ? [{ key: "results", label: t("assessments.tabs.results"), children: <ResultsPanel round={r} /> }]
      : []),
    ...(manages
      ? [{ key: "council", label: t("assessments.tabs.council"), children: <CouncilPanel round={r} /> }]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {r.name}
        </Typography.Title>
        <Tag color={STATUS_COLORS[r.status]}>{t(`assessments.statuses.${r.status}`)}</Tag>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t("assessments.group")}>{r.groupName}</Descriptions.Item>
        <Descriptions.Item label={t("assessments.framework")}>{r.frameworkName}</Descriptions.Item>
        <Descriptions.Item label={t("assessments.deadline")}>{formatDateTimeVi(r.selfDeadline)}</Descriptions.Item>
        <Descriptions.Item label={t("assessments.appraisal")}>
          {formatDateVi(r.appraisalStart)} – {formatDateVi(r.appraisalEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t("assessments.submitted")}>
          {r.submittedCount}/{r.agencyCount}
        </Descriptions.Item>
        {r.publication && (
          <Descriptions.Item label={t("assessments.decision")}>
            {r.publication.decisionNumber} ({formatDateVi(r.publication.decisionDate)})
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs items={items} destroyOnHidden />
    </Flex>
  );
}
