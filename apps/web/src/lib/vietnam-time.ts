import { requireInstant, type TInstantInput, toVietnamIso, vietnamWallClock } from "@chiso/core";
import dayjs, { type Dayjs } from "dayjs";

/**
 * Date pickers show and return the browser's local time, but every deadline is Vietnam time: a coordinator in a
 * UTC browser who picks 05/12 17:00 means 17:00 in Vietnam. These two convert between the picker's wall clock
 * and the instant Vietnam's clock shows, so what is picked is what is shown everywhere else.
 */
export function pickerFromInstant(instant: TInstantInput): Dayjs {
  return dayjs(vietnamWallClock(instant).format("YYYY-MM-DDTHH:mm:ss"));
}

/** The picker's day and time read as Vietnam time: "2026-12-05T17:00:00+07:00". */
export function instantFromPicker(picked: Dayjs): string {
  return toVietnamIso(requireInstant(picked.format("YYYY-MM-DDTHH:mm:ss")));
}
