import { LockOutlined, UserOutlined } from "@ant-design/icons";
import type { TLoginRequest } from "@chiso/core";
import { Button, Card, Flex, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { LanguageSwitch } from "../../../components/language-switch.tsx";
import { useLogin } from "../api/login.ts";

// Plain headings rather than antd's Typography (about 20 KB gzip'd with its copy and edit features): the sign-in
// form is the first page a new visitor loads (docs/performance.md, "The first load").
export function LoginPage() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh", background: "#f4f5f7", padding: 16 }}>
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Flex justify="space-between" align="start">
          <div>
            <h1 style={{ margin: 0, color: "#b91c1c", fontSize: 30, fontWeight: 600 }}>{t("app.name")}</h1>
            <span style={{ color: "rgba(0, 0, 0, 0.45)" }}>{t("app.tagline")}</span>
          </div>
          <LanguageSwitch />
        </Flex>
        <h2 style={{ margin: "24px 0 16px", fontSize: 20, fontWeight: 600 }}>{t("auth.title")}</h2>
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
