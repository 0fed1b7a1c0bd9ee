import { formatNumberVi, type TDifference, type TRound } from "@chiso/core";
import { App, Button, Flex, Form, Select, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useAccounts } from "../../accounts/api/list-accounts.ts";
import { useFramework } from "../../frameworks/api/get-framework.ts";
import { useAssignAppraiser, useDifferences } from "../api/rounds.ts";
import { AgencyControls } from "./agency-controls.tsx";

/** The coordinator's side of the council: who appraises which main indicators, and the differences to discuss. */
export function CouncilPanel({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useAccounts();
  const framework = useFramework(round.frameworkId);
  const assign = useAssignAppraiser();
  const differences = useDifferences(round.id, round.status !== "draft");
  const [form] = Form.useForm<{ userId: string; indicatorIds: string[] }>();
  const council = (accounts.data ?? []).filter((a) => a.roles.includes("appraiser"));
  const indicators = (framework.data?.indicators ?? []).filter((i) => i.parentId === null);
  return (
    <Flex vertical gap={16}>
      <AgencyControls round={round} />
      {round.status !== "published" && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            assign.mutate(
              { id: round.id, ...v },
              {
                onSuccess: () => {
                  void message.success(t("assessments.council.assigned"));
                  form.resetFields();
                },
                onError: (error) => void message.error(errorMessage(error)),
              },
            )
          }
        >
          <Form.Item name="userId" label={t("assessments.council.member")} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 240 }}
              options={council.map((a) => ({ value: a.id, label: `${a.fullName} (${a.unitName})` }))}
            />
          </Form.Item>
          <Form.Item name="indicatorIds" label={t("assessments.council.indicators")} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 280 }}
              options={indicators.map((i) => ({ value: i.id, label: `${i.code}. ${i.name}` }))}
            />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={assign.isPending}>
            {t("assessments.council.assign")}
          </Button>
        </Form>
      )}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("assessments.council.differences")}
        </Typography.Title>
        {round.status !== "draft" && (
          <a href={`/api/assessment-rounds/${round.id}/differences.xlsx`}>{t("assessments.council.download")}</a>
        )}
      </Flex>
      <Table<TDifference>
        size="small"
        rowKey={(d) => `${d.unitName}|${d.code}`}
        pagination={false}
        dataSource={differences.data ?? []}
        columns={[
          { title: t("assessments.agency"), dataIndex: "unitName" },
          { title: t("assessments.result.criterion"), render: (_, d) => `${d.code}. ${d.name}` },
          { title: t("assessments.appraise.self"), render: (_, d) => formatNumberVi(d.selfPoints), width: 90 },
          {
            title: t("assessments.appraise.appraised"),
            render: (_, d) => formatNumberVi(d.appraisedPoints),
            width: 110,
          },
          { title: t("assessments.council.difference"), render: (_, d) => formatNumberVi(d.difference), width: 90 },
          { title: t("assessments.appraise.reason"), dataIndex: "reason" },
        ]}
      />
    </Flex>
  );
}
