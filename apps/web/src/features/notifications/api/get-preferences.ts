import type { TNotificationPreferences } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getNotificationPreferences = () => api<TNotificationPreferences>("GET", "/api/notification-preferences");
export const notificationPreferencesQuery = queryOptions({
  queryKey: ["notification-preferences"],
  queryFn: getNotificationPreferences,
});
export const useNotificationPreferences = () => useQuery(notificationPreferencesQuery);
