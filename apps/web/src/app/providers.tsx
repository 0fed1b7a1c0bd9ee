import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../features/auth/api/get-me.ts";
import { ApiError } from "../lib/api.ts";
import { useMediaQuery } from "../lib/use-phone.ts";

/** An expired session or a forced password change anywhere sends the user back through the session check. */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && error.code === "UNAUTHENTICATED") queryClient.setQueryData(meQuery.queryKey, null);
  if (error.code === "PASSWORD_CHANGE_REQUIRED") void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  // the user asked their system for less motion: antd then opens dialogs and lists without animating
  const reducedMotion = useMediaQuery("(prefers-reduced-motion: reduce)");
  useEffect(() => {
    dayjs.locale(english ? "en" : "vi");
    document.documentElement.lang = english ? "en" : "vi";
  }, [english]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={english ? enUS : viVN}
        theme={{ token: { colorPrimary: "#b91c1c", borderRadius: 6, motion: !reducedMotion } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
