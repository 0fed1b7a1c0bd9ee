import { describe, expect, it } from "vitest";
import { suggestIndicatorLinks } from "./indicators.ts";

const INDICATORS = [
  { id: "a", code: "2.1", name: "Nghị quyết chuyên đề hoặc văn bản tương đương của cấp uỷ về chuyển đổi số của tỉnh." },
  { id: "b", code: "7.3", name: "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử" },
  {
    id: "c",
    code: "5.4",
    name: "Tỷ lệ hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá An toàn thông tin hàng năm",
  },
  {
    id: "d",
    code: "5.5",
    name: "Tỷ lệ hệ thống thông tin cấp độ 3 trở lên được kiểm tra, đánh giá An toàn thông tin hàng năm đầy đủ các nội dung",
  },
  { id: "e", code: "1", name: "Nhận thức số" },
];

describe("suggestIndicatorLinks", () => {
  it.each<[string, string[], string[]]>([
    [
      "seed 000 task I names 7.3 in its result",
      ["Cung cấp thông tin …", "Chỉ tiêu về tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử"],
      ["7.3"],
    ],
    [
      "seed 000 task 2.1 names 2.1 inside a longer sentence, accents and case aside",
      [
        "Cung cấp thông tin hoặc góp ý đối với dự thảo NGHI QUYET chuyên đề hoặc văn bản tương đương của cấp ủy về chuyển đổi số của tỉnh theo yêu cầu",
      ],
      ["2.1"],
    ],
    ["the longer of two nested names wins", [INDICATORS[3]!.name], ["5.5"]],
    ["a short main-indicator name is never enough", ["Nhận thức số"], []],
    ["similar words are not a match", ["Tỷ lệ doanh nghiệp dùng hợp đồng"], []],
  ])("%s", (_label, texts, codes) => {
    expect(suggestIndicatorLinks(texts, INDICATORS).map((i) => i.code)).toEqual(codes);
  });
});
