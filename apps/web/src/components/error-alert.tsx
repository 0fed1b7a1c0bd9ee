import { Alert, Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";

/** Trying again helps when the network or the server failed, not when the thing is missing or forbidden. */
function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.code === "NETWORK" || error.status >= 500 || error.status === 429;
}

/**
 * A failed load or save, in the user's language, with a retry when one makes sense, and a way back when given
 * (a report that does not exist offers the list of reports rather than "Thử lại").
 */
export function ErrorAlert({
  error,
  onRetry,
  back,
}: {
  error: unknown;
  onRetry?: () => void;
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const retry = onRetry && isRetryable(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      action={
        (retry || back) && (
          <Flex gap={8}>
            {back && <BackButton {...back} />}
            {retry && (
              <Button size="small" onClick={onRetry}>
                {t("common.retry")}
              </Button>
            )}
          </Flex>
        )
      }
    />
  );
}

/** Only rendered inside the router (the sign-in error above it has no page to go back to). */
function BackButton({ to, label }: { to: string; label: string }) {
  const navigate = useNavigate();
  return (
    <Button size="small" type="primary" onClick={() => navigate(to)}>
      {label}
    </Button>
  );
}
