import type { TIssuedPassword } from "@chiso/core";
import { Alert, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Shows a freshly issued initial password, the only time it is ever visible. */
export function IssuedPasswordModal({ issued, onClose }: { issued: TIssuedPassword | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={issued !== null}
      title={t("accounts.issuedTitle")}
      onOk={onClose}
      onCancel={onClose}
      okText={t("common.close")}
      cancelButtonProps={{ style: { display: "none" } }}
      maskClosable={false}
    >
      {issued && (
        <>
          <Alert type="info" showIcon title={t("accounts.issuedText", { username: issued.account.username })} />
          <Typography.Paragraph
            copyable={{ text: issued.initialPassword, tooltips: [t("common.copy"), t("common.copied")] }}
            style={{ fontSize: 22, fontFamily: "monospace", marginTop: 16, textAlign: "center" }}
            data-testid="initial-password"
          >
            {issued.initialPassword}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
