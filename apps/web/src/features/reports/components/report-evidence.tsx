import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  UploadOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_TYPES_LABEL_VI,
  formatDateVi,
  type TReportDetail,
  type TReportDocument,
} from "@chiso/core";
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { documentUrl, useDocuments, useUpdateDocument, useUploadDocument } from "../../evidence/api/documents.ts";
import { useAttachDocument, useDetachDocument } from "../api/report.ts";
import { useReusableDocuments } from "../api/reusable-documents.ts";

/** Tài liệu kiểm chứng of a report: upload with its official metadata, reuse, preview, download, remove. */
export function ReportEvidence({ report }: { report: TReportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detach = useDetachDocument();
  const attach = useAttachDocument();
  const [uploading, setUploading] = useState(false);
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<TReportDocument | null>(null);
  const missingRequired = report.indicator.evidenceRequired && report.documents.length === 0;

  return (
    <Card
      title={t("evidence.title")}
      extra={
        report.editable && (
          <Space>
            <Button icon={<UploadOutlined />} type="primary" ghost onClick={() => setUploading(true)}>
              {t("evidence.upload")}
            </Button>
            <Button onClick={() => setPicking(true)}>{t("evidence.pick")}</Button>
          </Space>
        )
      }
    >
      {report.indicator.evidenceText && (
        <Typography.Paragraph type="secondary">
          {t("evidence.expected")}: {report.indicator.evidenceText}
        </Typography.Paragraph>
      )}
      {missingRequired && <Typography.Paragraph type="danger">{t("evidence.requiredMissing")}</Typography.Paragraph>}
      <List<TReportDocument>
        dataSource={report.documents}
        locale={{ emptyText: <Empty description={t("evidence.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(doc) => (
          <List.Item
            actions={[
              <a
                key="view"
                href={documentUrl(doc.id)}
                target="_blank"
                rel="noreferrer"
                aria-label={`${t("evidence.view")} ${doc.fileName}`}
              >
                <EyeOutlined /> {t("evidence.view")}
              </a>,
              <a
                key="download"
                href={documentUrl(doc.id, true)}
                aria-label={`${t("evidence.download")} ${doc.fileName}`}
              >
                <DownloadOutlined />
              </a>,
              ...(report.editable
                ? [
                    <Button
                      key="edit"
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t("evidence.editMetadata")} ${doc.fileName}`}
                      onClick={() => setEditing(doc)}
                    />,
                    <Popconfirm
                      key="detach"
                      title={t("evidence.detachConfirm")}
                      okText={t("common.delete")}
                      cancelText={t("common.cancel")}
                      onConfirm={() =>
                        detach.mutate(
                          { id: report.id, documentId: doc.id },
                          { onError: (e) => void message.error(errorMessage(e)) },
                        )
                      }
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t("evidence.detach")} ${doc.fileName}`}
                      />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={doc.fileName}
              description={
                <span>
                  {doc.docNumber ? `${t("evidence.docNumber")}: ${doc.docNumber}` : null}
                  {doc.issuedOn ? ` · ${t("evidence.issuedOn")}: ${formatDateVi(doc.issuedOn)}` : null}
                  {doc.issuer ? ` · ${doc.issuer}` : null}
                  {doc.summary ? ` · ${doc.summary}` : null}
                  {doc.citation ? ` · ${t("evidence.citation")}: ${doc.citation}` : null}
                  {(!doc.docNumber || !doc.issuedOn) && (
                    <Typography.Text type="warning">
                      {" "}
                      <WarningOutlined /> {t("evidence.metadataMissing")}
                    </Typography.Text>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
      <UploadModal
        open={uploading}
        unitId={report.unit.id}
        onClose={() => setUploading(false)}
        onUploaded={(documentId, citation) =>
          attach.mutate(
            { id: report.id, documentId, citation },
            {
              onSuccess: () => {
                setUploading(false);
                void message.success(t("evidence.attached"));
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      />
      <PickModal report={report} open={picking} onClose={() => setPicking(false)} />
      <EditMetadataModal document={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

interface TUploadForm {
  docNumber?: string;
  issuedOn?: Dayjs;
  issuer?: string;
  summary?: string;
  citation?: string;
}

export function UploadModal({
  open,
  unitId,
  onClose,
  onUploaded,
}: {
  open: boolean;
  unitId: string;
  onClose(): void;
  onUploaded(id: string, citation: string | null): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TUploadForm>();
  const upload = useUploadDocument();
  const [file, setFile] = useState<File | null>(null);

  // Reset when opening (not after the opening animation, which would undo a file chosen meanwhile).
  useEffect(() => {
    if (!open) return;
    upload.reset();
    setFile(null);
    form.resetFields();
  }, [open, upload.reset, form]);

  const submit = (v: TUploadForm) =>
    file &&
    upload.mutate(
      {
        file,
        unitId,
        docNumber: v.docNumber,
        issuedOn: v.issuedOn?.format("YYYY-MM-DD"),
        issuer: v.issuer,
        summary: v.summary,
      },
      { onSuccess: (doc) => onUploaded(doc.id, v.citation || null) },
    );

  return (
    <Modal
      open={open}
      title={t("evidence.upload")}
      okText={t("evidence.uploadAndAttach")}
      okButtonProps={{ disabled: !file }}
      cancelText={t("common.cancel")}
      confirmLoading={upload.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Upload.Dragger
        accept={EVIDENCE_ACCEPT}
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          return false;
        }}
      >
        <p className="ant-upload-text">{file ? file.name : t("evidence.drop")}</p>
        <p className="ant-upload-hint">{EVIDENCE_TYPES_LABEL_VI}</p>
      </Upload.Dragger>
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
        <Flex gap={12}>
          <Form.Item
            label={t("evidence.docNumber")}
            name="docNumber"
            style={{ flex: 1 }}
            extra={t("evidence.docNumberHint")}
          >
            <Input placeholder="15/KH-UBND" />
          </Form.Item>
          <Form.Item label={t("evidence.issuedOn")} name="issuedOn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Flex>
        <Form.Item label={t("evidence.issuer")} name="issuer">
          <Input />
        </Form.Item>
        <Form.Item label={t("evidence.summary")} name="summary">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label={t("evidence.citation")} name="citation">
          <Input placeholder={t("evidence.citationPlaceholder")} />
        </Form.Item>
      </Form>
      <ErrorAlert error={upload.error} />
    </Modal>
  );
}

interface TMetadataForm {
  docNumber?: string;
  issuedOn?: Dayjs | null;
  issuer?: string;
  summary?: string;
}

/** Corrects số hiệu, ngày ban hành… of a document already uploaded; the server records the change in the audit log. */
function EditMetadataModal({ document, onClose }: { document: TReportDocument | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TMetadataForm>();
  const update = useUpdateDocument();

  useEffect(() => {
    if (document) update.reset();
  }, [document, update.reset]);

  const submit = (v: TMetadataForm) =>
    document &&
    update.mutate(
      {
        id: document.id,
        docNumber: v.docNumber?.trim() || null,
        issuedOn: v.issuedOn ? v.issuedOn.format("YYYY-MM-DD") : null,
        issuer: v.issuer?.trim() || null,
        summary: v.summary?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t("evidence.metadataSaved"));
          onClose();
        },
      },
    );

  return (
    <Modal
      open={document !== null}
      title={document ? `${t("evidence.editMetadata")}: ${document.fileName}` : ""}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {/* Its own name: field ids would otherwise repeat the upload form's ("docNumber") and labels point there. */}
      <Form
        key={document?.id}
        name="document-metadata"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          docNumber: document?.docNumber ?? "",
          issuedOn: document?.issuedOn ? dayjs(document.issuedOn) : null,
          issuer: document?.issuer ?? "",
          summary: document?.summary ?? "",
        }}
      >
        <Flex gap={12}>
          <Form.Item label={t("evidence.docNumber")} name="docNumber" style={{ flex: 1 }}>
            <Input placeholder="15/KH-UBND" />
          </Form.Item>
          <Form.Item label={t("evidence.issuedOn")} name="issuedOn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Flex>
        <Form.Item label={t("evidence.issuer")} name="issuer">
          <Input />
        </Form.Item>
        <Form.Item label={t("evidence.summary")} name="summary">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      <ErrorAlert error={update.error} />
    </Modal>
  );
}

/**
 * Cites a document the unit already has, or one it may reuse: a lead agency's cooperating units' evidence, an
 * agency's offices' evidence from its own cycle (reporting up).
 */
function PickModal({ report, open, onClose }: { report: TReportDetail; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const own = useDocuments(report.unit.id);
  const reusable = useReusableDocuments(report.id, open);
  const attach = useAttachDocument();
  const [documentId, setDocumentId] = useState<string>();
  const [citation, setCitation] = useState("");
  const attached = new Set(report.documents.map((d) => d.id));
  const options = [
    {
      label: t("evidence.ownDocuments"),
      options: (own.data ?? [])
        .filter((d) => !attached.has(d.id))
        .map((d) => ({ value: d.id, label: `${d.fileName}${d.docNumber ? ` — ${d.docNumber}` : ""}` })),
    },
    {
      label: t(report.role === "lead" ? "evidence.cooperatingDocuments" : "evidence.officeDocuments"),
      options: (reusable.data ?? [])
        .filter((d) => !attached.has(d.id))
        .map((d) => ({ value: d.id, label: `${d.fileName}${d.docNumber ? ` — ${d.docNumber}` : ""}` })),
    },
  ];
  return (
    <Modal
      open={open}
      title={t("evidence.pick")}
      okText={t("evidence.attach")}
      okButtonProps={{ disabled: !documentId }}
      cancelText={t("common.cancel")}
      confirmLoading={attach.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        documentId &&
        attach.mutate(
          { id: report.id, documentId, citation: citation || null },
          {
            onSuccess: () => {
              void message.success(t("evidence.attached"));
              setDocumentId(undefined);
              setCitation("");
              onClose();
            },
          },
        )
      }
    >
      <Flex vertical gap={12}>
        <Select
          aria-label={t("evidence.pick")}
          showSearch={{ optionFilterProp: "label" }}
          value={documentId}
          onChange={setDocumentId}
          options={options}
          loading={own.isPending}
          placeholder={t("evidence.pickPlaceholder")}
        />
        <Input
          aria-label={t("evidence.citation")}
          placeholder={t("evidence.citationPlaceholder")}
          value={citation}
          onChange={(e) => setCitation(e.target.value)}
        />
        <ErrorAlert error={attach.error} />
      </Flex>
    </Modal>
  );
}
