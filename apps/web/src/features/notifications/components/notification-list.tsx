import { formatDateTimeVi, type TNotification } from "@chiso/core";
import { Badge, Button, Empty, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMarkNotificationRead } from "../api/mark-notification-read.ts";

/** Notices, newest first: opening one marks it read and goes to what it is about. */
export function NotificationList({
  items,
  compact = false,
  onOpen,
}: {
  items: TNotification[];
  compact?: boolean;
  /** Called when the user follows a notice (the bell closes its panel). */
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkNotificationRead();
  if (!items.length) return <Empty description={t("notifications.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const open = (notice: TNotification) => {
    if (!notice.readAt) markRead.mutate(notice.id);
    onOpen?.();
    if (notice.link) void navigate(notice.link);
  };

  return (
    <ul aria-label={t("notifications.title")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {items.map((notice) => (
        <li
          key={notice.id}
          data-testid="notification-item"
          data-unread={notice.readAt ? "false" : "true"}
          style={{ padding: compact ? "8px 0" : "12px 0", borderBottom: "1px solid #f0f0f0" }}
        >
          <Flex gap={8} align="start">
            <Badge status={notice.readAt ? "default" : "processing"} style={{ marginTop: 6 }} />
            <Flex vertical flex={1} style={{ minWidth: 0 }}>
              <Typography.Link
                strong={!notice.readAt}
                onClick={() => open(notice)}
                style={{ color: notice.readAt ? "inherit" : undefined }}
              >
                {notice.title}
              </Typography.Link>
              {notice.body && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: 0, whiteSpace: "pre-wrap" }}
                  ellipsis={compact ? { rows: 2 } : false}
                >
                  {notice.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTimeVi(notice.createdAt)} · {t(`notifications.kinds.${notice.kind}`)}
              </Typography.Text>
            </Flex>
            {!notice.readAt && (
              <Button
                size="small"
                type="text"
                onClick={() => markRead.mutate(notice.id)}
                aria-label={`${t("notifications.markRead")}: ${notice.title}`}
              >
                {t("notifications.markRead")}
              </Button>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
