import { PrinterOutlined } from "@ant-design/icons";
import type { TAccountImportResult } from "@chiso/core";
import { Alert, Button, Flex, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";

type TIssued = TAccountImportResult["issued"][number];

/**
 * The one-time passwords of a sheet's new accounts, as a page to print ("In danh sách"): shown once, kept only in
 * this page's memory, gone when it is closed.
 */
export function IssuedPasswordList({ result, onClose }: { result: TAccountImportResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} className="password-list">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("accounts.importer.listTitle")}
      </Typography.Title>
      <Alert className="no-print" type="warning" showIcon message={t("accounts.importer.listText")} />
      <Typography.Text className="no-print">{t("accounts.importer.done", result.counts)}</Typography.Text>
      <Flex gap={8} className="no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("accounts.importer.print")}
        </Button>
        <Button onClick={onClose}>{t("accounts.importer.closeList")}</Button>
      </Flex>
      <Table<TIssued>
        rowKey="username"
        size="small"
        bordered
        dataSource={result.issued}
        pagination={false}
        columns={[
          { title: t("accounts.unit"), dataIndex: "unitName" },
          { title: t("accounts.fullName"), dataIndex: "fullName" },
          { title: t("accounts.importer.position"), dataIndex: "position" },
          { title: t("accounts.username"), dataIndex: "username" },
          {
            title: t("accounts.importer.password"),
            dataIndex: "initialPassword",
            render: (password: string) => <Typography.Text code>{password}</Typography.Text>,
          },
          {
            title: t("accounts.email"),
            key: "email",
            render: (_, r) => (
              <>
                {r.email}
                {r.emailed && (
                  <Tag color="green" style={{ marginLeft: 4 }}>
                    {t("accounts.importer.emailed")}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </Flex>
  );
}
