import type { TNotificationPreferences, TNotificationPreferencesUpdate } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { notificationPreferencesQuery } from "./get-preferences.ts";

export const saveNotificationPreferences = (body: TNotificationPreferencesUpdate) =>
  api<TNotificationPreferences>("PUT", "/api/notification-preferences", body);

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationPreferencesQuery.queryKey, saved),
  });
}
