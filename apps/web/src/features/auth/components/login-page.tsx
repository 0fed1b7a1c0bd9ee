import { LockOutlined, UserOutlined } from "@ant-design/icons";
import type { TLoginRequest } from "@chiso/core";
import { Button, Card, Flex, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { LanguageSwitch } from "../../../components/language-switch.tsx";
import { useLogin } from "../api/login.ts";

export function LoginPage() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh", background: "#f4f5f7", padding: 16 }}>
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: "#b91c1c" }}>
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t("auth.title")}
        </Typography.Title>
        <Form<TLoginRequest>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => loginMutation.mutate(values)}
          disabled={loginMutation.isPending}
        >
          <Form.Item
            label={t("auth.username")}
            name="username"
            rules={[{ required: true, whitespace: true, message: t("auth.usernameRequired") }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("auth.password")}
            name="password"
            rules={[{ required: true, message: t("auth.passwordRequired") }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {loginMutation.error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={loginMutation.error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            {t("auth.submit")}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
