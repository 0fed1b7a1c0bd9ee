import {
  formatDateTimeVi,
  REPORT_ACTION_LABELS,
  REPORT_STATUS_LABELS,
  type TReportAction,
  type TReportDetail,
  type TReportStatus,
} from "@chiso/core";
import { App, Button, Card, Empty, Flex, Input, List, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useAddComment } from "../api/report.ts";

/** The conversation of a report: review comments, requests to explain, the unit's answers. */
export function ReportThread({ report }: { report: TReportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddComment();
  const [body, setBody] = useState("");
  const send = () =>
    body.trim() &&
    add.mutate(
      { id: report.id, body },
      { onSuccess: () => setBody(""), onError: (e) => void message.error(errorMessage(e)) },
    );
  return (
    <Card title={t("reports.thread")}>
      <List
        dataSource={report.comments}
        locale={{ emptyText: <Empty description={t("reports.noComments")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {c.authorName}{" "}
                  <Typography.Text type="secondary">
                    ({c.authorUnit}) · {formatDateTimeVi(c.at)}
                  </Typography.Text>{" "}
                  {c.kind === "request" && <Tag color="orange">{t("reports.explanationRequested")}</Tag>}
                  {c.kind === "answer" && <Tag color="blue">{t("reports.answer")}</Tag>}
                </span>
              }
              description={
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{c.body}</Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
      {report.canComment && (
        <Flex gap={8} style={{ marginTop: 12 }} align="start">
          <Input.TextArea
            aria-label={t("reports.writeComment")}
            placeholder={t("reports.writeComment")}
            autoSize={{ minRows: 2 }}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button onClick={send} loading={add.isPending} disabled={!body.trim()}>
            {t("reports.send")}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

export function ReportHistory({ report }: { report: TReportDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const label = (s: string | null) => (s ? (REPORT_STATUS_LABELS[s as TReportStatus]?.[lang] ?? s) : "");
  return (
    <Card title={t("reports.history")}>
      {report.events.length === 0 ? (
        <Empty description={t("reports.noHistory")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="report-history"
          items={report.events.map((e) => ({
            children: (
              <div>
                <Typography.Text strong>
                  {REPORT_ACTION_LABELS[e.action as TReportAction]?.[lang] ?? e.action}
                </Typography.Text>{" "}
                — {e.actorName} · {formatDateTimeVi(e.at)}
                <div>
                  <Typography.Text type="secondary">
                    {label(e.fromStatus)} → {label(e.toStatus)}
                  </Typography.Text>
                </div>
                {e.comment && <Typography.Paragraph style={{ margin: 0 }}>“{e.comment}”</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
