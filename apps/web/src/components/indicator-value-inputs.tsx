import {
  expectedInputs,
  findValueProblems,
  formatNumberVi,
  numericInputBounds,
  pointsOf,
  type TIndicator,
  type TInputValue,
  type TReportedValues,
} from "@chiso/core";
import { Checkbox, Flex, Form, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { usePhone } from "../lib/use-phone.ts";
import { NumberInput } from "./number-input.tsx";

interface TProps {
  indicator: Pick<TIndicator, "code" | "valueKind" | "inputs" | "rule" | "unitOfMeasure" | "maxScore">;
  values: TReportedValues;
  disabled?: boolean;
  /** Only numbers the field reads exactly reach `onChange`; text that is not one is reported here instead. */
  onChange(key: string, value: TInputValue): void;
  onProblem?(key: string, message: string | null): void;
}

/**
 * The inputs of one indicator, in its value kind: a yes/no switch, numbers (numerator and denominator…),
 * a choice, or one checkbox per part. Shared by reports and the what-if simulator.
 */
export function IndicatorValueInputs({ indicator, values, disabled, onChange, onProblem }: TProps) {
  const { t } = useTranslation();
  // On a phone a label sits above its input: beside it, the two are wider than the screen.
  const phone = usePhone();
  const rule = indicator.rule;
  const labelOf = (key: string) => indicator.inputs.find((i) => i.key === key)?.label ?? t("values.value");
  const inputs = [...expectedInputs(indicator)];
  // Problems between inputs (a part larger than its whole) are shown on the input they name.
  const crossProblems = new Map(findValueProblems(indicator, values).map((p) => [p.key, p.message]));

  if (rule?.type === "parts") {
    return (
      <Flex vertical>
        {rule.parts.map((part) => (
          <Checkbox
            key={part.key}
            disabled={disabled}
            checked={values[part.key] === true}
            onChange={(e) => onChange(part.key, e.target.checked)}
          >
            {part.label} ({formatNumberVi(pointsOf(part, indicator.maxScore))} đ)
          </Checkbox>
        ))}
      </Flex>
    );
  }
  return (
    <Flex gap={16} wrap align="end">
      {inputs.map(([key, type]) => {
        const label = labelOf(key);
        const aria = `${indicator.code} ${label}`;
        if (type === "boolean") {
          return (
            <Switch
              key={key}
              aria-label={indicator.code}
              disabled={disabled}
              checkedChildren={t("common.yes")}
              unCheckedChildren={t("common.no")}
              checked={values[key] === true}
              onChange={(v) => onChange(key, v)}
            />
          );
        }
        if (type === "choice" && rule?.type === "choice") {
          return (
            <Select
              key={key}
              aria-label={aria}
              allowClear
              disabled={disabled}
              style={{ minWidth: 260, maxWidth: "100%" }}
              value={(values[key] as string | null) ?? undefined}
              onChange={(v) => onChange(key, v ?? null)}
              options={rule.options.map((o) => ({
                value: o.key,
                label: `${o.label} (${formatNumberVi(pointsOf(o, indicator.maxScore))} đ)`,
              }))}
            />
          );
        }
        return (
          <Form.Item
            key={key}
            label={inputs.length > 1 || indicator.inputs.length ? label : undefined}
            layout={phone ? "vertical" : "horizontal"}
            style={{ margin: 0, maxWidth: "100%" }}
          >
            <NumberInput
              aria-label={aria}
              placeholder={label}
              disabled={disabled}
              {...numericInputBounds(indicator, key)}
              style={{ width: 220, maxWidth: "100%" }}
              suffix={
                indicator.valueKind === "percent"
                  ? "%"
                  : (indicator.inputs.find((i) => i.key === key)?.unit ?? indicator.unitOfMeasure ?? undefined)
              }
              value={typeof values[key] === "number" ? (values[key] as number) : null}
              problem={crossProblems.get(key) ?? null}
              onProblem={(message) => onProblem?.(key, message)}
              onChange={(v) => {
                if (v === null || !Number.isNaN(v)) onChange(key, v);
              }}
            />
          </Form.Item>
        );
      })}
    </Flex>
  );
}
