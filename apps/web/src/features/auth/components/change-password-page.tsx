import { PASSWORD_MIN_LENGTH } from "@chiso/core";
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useChangePassword } from "../api/change-password.ts";
import { useMe } from "../api/get-me.ts";
import { useLogout } from "../api/logout.ts";

interface TForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const change = useChangePassword();
  const logout = useLogout();
  const forced = me?.mustChangePassword ?? false;

  const onFinish = (values: TForm) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t("auth.changed"));
          navigate("/");
        },
      },
    );

  return (
    <Flex align="center" justify="center" style={{ minHeight: forced ? "100vh" : undefined, padding: 16 }}>
      <Card style={{ width: 440, maxWidth: "100%" }}>
        <Typography.Title level={4}>{t("auth.changeTitle")}</Typography.Title>
        {forced && <Alert type="warning" showIcon title={t("auth.changeForced")} style={{ marginBottom: 16 }} />}
        <Form<TForm> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={change.isPending}>
          <Form.Item
            label={t("auth.currentPassword")}
            name="currentPassword"
            rules={[{ required: true, message: t("auth.passwordRequired") }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("auth.newPassword")}
            name="newPassword"
            extra={t("auth.passwordRule")}
            rules={[
              { required: true, message: t("auth.passwordRule") },
              { min: PASSWORD_MIN_LENGTH, message: t("auth.passwordRule") },
              { pattern: /(?=.*\p{L})(?=.*\d)/u, message: t("auth.passwordRule") },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t("auth.confirmPassword")}
            name="confirmPassword"
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: t("auth.mismatch") },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue("newPassword") === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("auth.mismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {change.error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={change.error} />
            </div>
          )}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t("auth.changeSubmit")}
            </Button>
            {forced && <Button onClick={() => logout.mutate()}>{t("auth.logout")}</Button>}
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
