import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Flex, Popover, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useNotifications } from "../api/list-notifications.ts";
import { useMarkAllRead } from "../api/mark-all-read.ts";
import { NotificationList } from "./notification-list.tsx";

/** The bell in the header: unread count, the latest notices, "mark all read", and the way to the full page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useNotifications({ limit: 10 });
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const label = unread
    ? `${t("notifications.bell")}: ${t("notifications.unreadCount", { count: unread })}`
    : t("notifications.bell");

  const panel = (
    <Flex vertical gap={4} style={{ width: 400, maxWidth: "90vw" }} data-testid="notification-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t("notifications.title")}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!unread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("notifications.markAllRead")}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <div style={{ maxHeight: 420, overflowY: "auto" }}>
        <NotificationList items={list.data?.items ?? []} compact onOpen={() => setOpen(false)} />
      </div>
      <Link to="/notifications" onClick={() => setOpen(false)}>
        {t("notifications.viewAll")}
      </Link>
    </Flex>
  );

  return (
    <Popover content={panel} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={label} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
