import type { TRound } from "@chiso/core";
import { Alert, App, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { usePublishRound } from "../api/rounds.ts";

/** Publishes a round's results under the UBND decision (number and date); the numbers are then frozen. */
export function PublishDialog({ round, onClose }: { round: TRound; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: Dayjs }>();
  const publish = usePublishRound();
  return (
    <Modal
      open
      title={t("assessments.publishTitle", { name: round.name })}
      okText={t("assessments.publish")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={publish.isPending}
    >
      <Alert type="warning" showIcon message={t("assessments.publishWarning")} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          publish.mutate(
            { id: round.id, decisionNumber: v.decisionNumber, decisionDate: v.decisionDate.format("YYYY-MM-DD") },
            {
              onSuccess: () => {
                void message.success(t("assessments.published"));
                onClose();
              },
              onError: (error) => void message.error(errorMessage(error)),
            },
          )
        }
      >
        <Form.Item
          name="decisionNumber"
          label={t("assessments.decisionNumber")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <Input placeholder="1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label={t("assessments.decisionDate")}
          rules={[{ required: true, message: t("assessments.required") }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
