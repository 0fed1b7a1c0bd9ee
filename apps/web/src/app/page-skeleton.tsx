import { Card, Flex, Skeleton } from "antd";
import { useTranslation } from "react-i18next";

/** What a page shows while its code or its first data is on the way: the page's shape, not a blank screen. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="page-skeleton" aria-busy="true" aria-label={t("common.loading")}>
      <Skeleton.Input active size="large" style={{ width: 280, maxWidth: "100%" }} />
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </Flex>
  );
}
