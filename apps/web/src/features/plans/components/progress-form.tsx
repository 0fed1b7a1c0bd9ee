import { UploadOutlined } from "@ant-design/icons";
import {
  canSomewhere,
  EVIDENCE_ACCEPT,
  TASK_STATUSES,
  type TMe,
  type TTaskDetail,
  type TTaskStatus,
} from "@chiso/core";
import { App, Button, Card, Form, Input, Select, Space, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useDocuments, useUploadDocument } from "../../evidence/api/documents.ts";
import { usePostProgress } from "../api/post-progress.ts";

interface TFields {
  status: TTaskStatus;
  percent: number;
  note?: string;
  documentIds: string[];
}

/** Evidence belongs to the lead unit: the user's own when it leads, else (the coordinator) the first lead unit. */
function documentUnit(task: TTaskDetail, me: TMe): string {
  if (task.leadUnits.some((u) => u.id === me.unitId)) return me.unitId;
  return canSomewhere(me, "plan.manage") && task.leadUnits[0] ? task.leadUnits[0].id : me.unitId;
}

/** The lead unit posts progress: status, percent, a note and evidence documents (uploaded now or already held). */
export function ProgressForm({ task }: { task: TTaskDetail }) {
  const me = useMe().data;
  if (!me) return null;
  return <ProgressFormFor task={task} unitId={documentUnit(task, me)} />;
}

function ProgressFormFor({ task, unitId }: { task: TTaskDetail; unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TFields>();
  const documents = useDocuments(unitId);
  const upload = useUploadDocument();
  const post = usePostProgress();

  // Done is 100%, not started is 0%: the form keeps them consistent, as the server requires.
  const onValuesChange = (changed: Partial<TFields>) => {
    if (changed.status === "done") form.setFieldValue("percent", 100);
    if (changed.status === "not_started") form.setFieldValue("percent", 0);
  };
  const submit = (values: TFields) =>
    post.mutate(
      { id: task.id, ...values, documentIds: values.documentIds ?? [] },
      {
        onSuccess: () => {
          void message.success(t("plans.posted"));
          form.resetFields(["note", "documentIds"]);
        },
      },
    );
  const uploadFile = (file: File) => {
    upload.mutate(
      { file, unitId },
      {
        onSuccess: (doc) => {
          form.setFieldValue("documentIds", [...(form.getFieldValue("documentIds") ?? []), doc.id]);
          void message.success(t("plans.uploaded", { name: doc.fileName }));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
    return false;
  };

  return (
    <Card size="small" title={t("plans.postUpdate")}>
      <Form<TFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{
          status: task.status === "not_started" ? "in_progress" : task.status,
          percent: task.percent,
          documentIds: [],
        }}
      >
        <Space wrap>
          <Form.Item label={t("plans.status")} name="status" style={{ minWidth: 200 }}>
            <Select options={TASK_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t("plans.percent")} name="percent" rules={numberRules}>
            <NumberInput max={100} integer suffix="%" aria-label={t("plans.percent")} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t("plans.note")} name="note">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t("plans.documents")} name="documentIds">
          <Select
            mode="multiple"
            aria-label={t("plans.chooseDocuments")}
            placeholder={t("plans.chooseDocuments")}
            loading={documents.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(documents.data ?? []).map((d) => ({
              value: d.id,
              label: [d.fileName, d.docNumber].filter(Boolean).join(" — "),
            }))}
          />
        </Form.Item>
        <Space>
          <Upload accept={EVIDENCE_ACCEPT} showUploadList={false} beforeUpload={uploadFile} multiple={false}>
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t("plans.uploadDocument")}
            </Button>
          </Upload>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            {t("plans.postUpdate")}
          </Button>
        </Space>
        <ErrorAlert error={post.error} />
      </Form>
    </Card>
  );
}
