import type { TNotificationList } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listNotifications = (options: { unreadOnly?: boolean; limit?: number } = {}) =>
  api<TNotificationList>(
    "GET",
    `/api/notifications?limit=${options.limit ?? 30}${options.unreadOnly ? "&unreadOnly=true" : ""}`,
  );

export const notificationsQuery = (options: { unreadOnly?: boolean; limit?: number } = {}) =>
  queryOptions({
    queryKey: ["notifications", options.unreadOnly ? "unread" : "all", options.limit ?? 30],
    queryFn: () => listNotifications(options),
    // The bell looks again every minute: reminders arrive from the scheduler, not from this user's actions.
    refetchInterval: 60_000,
  });

export const useNotifications = (options: { unreadOnly?: boolean; limit?: number } = {}) =>
  useQuery(notificationsQuery(options));
