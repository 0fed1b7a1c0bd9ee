import { Typography } from "antd";

/**
 * The units of a task: those matched to the system's units first, then the wording of the plan when it names
 * more than that ("Các phòng chuyên môn", "Viettel, Mobifone, FPT, VNPT").
 */
export function UnitList({ units, text }: { units: readonly { id: string; name: string }[]; text: string | null }) {
  const names = units.map((u) => u.name).join("; ");
  if (!names && !text) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!names) return <span>{text}</span>;
  return (
    <span>
      {names}
      {text && text !== names && (
        <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
          {text}
        </Typography.Text>
      )}
    </span>
  );
}
