import type { TNotificationKind, TNotificationPreference } from "@chiso/core";
import { Alert, App, Button, Card, Col, Flex, Row, Segmented, Spin, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useNotificationPreferences } from "../api/get-preferences.ts";
import { useNotifications } from "../api/list-notifications.ts";
import { useMarkAllRead } from "../api/mark-all-read.ts";
import { useSaveNotificationPreferences } from "../api/save-preferences.ts";
import { NotificationList } from "./notification-list.tsx";

/** All of one's notices, and which kinds also come by e-mail. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ unreadOnly, limit: 100 });
  const markAll = useMarkAllRead();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("notifications.title")}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Segmented<"all" | "unread">
                value={unreadOnly ? "unread" : "all"}
                onChange={(v) => setUnreadOnly(v === "unread")}
                options={[
                  { value: "all", label: t("notifications.all") },
                  { value: "unread", label: t("notifications.onlyUnread") },
                ]}
              />
            }
            extra={
              <Button disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
                {t("notifications.markAllRead")}
              </Button>
            }
          >
            <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
            {list.isPending ? <Spin /> : <NotificationList items={list.data?.items ?? []} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <PreferencesCard />
        </Col>
      </Row>
    </Flex>
  );
}

function PreferencesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const toggle = (kind: TNotificationKind, email: boolean) =>
    save.mutate(
      { kinds: [{ kind, email }] },
      {
        onSuccess: () => void message.success(t("notifications.saved")),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  const data = prefs.data;
  return (
    <Card title={t("notifications.preferences")}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("notifications.preferencesHint")}</Typography.Text>
        <ErrorAlert error={prefs.error} onRetry={() => prefs.refetch()} />
        {data && !data.emailConfigured && <Alert type="info" showIcon title={t("notifications.emailNotConfigured")} />}
        {data?.emailConfigured && !data.email && <Alert type="warning" showIcon title={t("notifications.noEmail")} />}
        {data?.emailConfigured && data.email && (
          <Typography.Text>{t("notifications.emailTo", { email: data.email })}</Typography.Text>
        )}
        <Table<TNotificationPreference>
          rowKey="kind"
          size="small"
          pagination={false}
          loading={prefs.isPending}
          dataSource={data?.kinds}
          columns={[
            { title: t("notifications.kind"), key: "kind", render: (_, p) => t(`notifications.kinds.${p.kind}`) },
            {
              title: t("notifications.email"),
              key: "email",
              width: 130,
              render: (_, p) => (
                <Switch
                  checked={p.email}
                  disabled={!data?.emailConfigured}
                  loading={save.isPending && save.variables?.kinds[0]?.kind === p.kind}
                  aria-label={`${t("notifications.email")}: ${t(`notifications.kinds.${p.kind}`)}`}
                  onChange={(on) => toggle(p.kind, on)}
                />
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
