import { describe, expect, it } from "vitest";
import { foldTranslation, foldVietnamese, matchesSearch } from "./fold.ts";

describe("foldVietnamese", () => {
  it.each([
    ["Chuyển Đổi Số", "chuyen doi so"],
    ["  Sở   KH&CN \n tỉnh\t", "so kh&cn tinh"],
    ["ĐẮK LẮK", "dak lak"],
    ["đường Đồng Khởi", "duong dong khoi"],
    ["Ủy ban nhân dân", "uy ban nhan dan"],
    ["Uỷ ban nhân dân", "uy ban nhan dan"],
    ["Khánh Hòa", "khanh hoa"],
    ["Khánh Hoà", "khanh hoa"],
    ["Ư Ơ Ă Â Ê Ô ư ơ ă â ê ô", "u o a a e o u o a a e o"],
    ["Thể chế số", "the che so"],
    ["Chuy\u200Bển đổi", "chuyen doi"],
    ["Giai\u00A0đoạn 2026–2030", "giai doan 2026–2030"],
    ["DTI 2025", "dti 2025"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("folds decomposed (NFD) text, as pasted from Word, to the same key as composed text", () => {
    const decomposed = "Chuyển đổi số".normalize("NFD");
    expect(decomposed).not.toBe("Chuyển đổi số");
    expect(foldVietnamese(decomposed)).toBe("chuyen doi so");
  });
});

describe("matchesSearch", () => {
  const haystack = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa";
  it.each([
    ["khoa hoc", true],
    ["cong khoa", true], // words in any order
    ["KHOA HỌC", true],
    ["Khoá", true], // accent on the query side is ignored too
    ["khanh hoa", true],
    ["hoa khanh", true],
    ["nong nghiep", false],
    ["khoa nong", false], // every word must be found
    ["", true],
    ["   ", true],
    ["ng", true], // plain substring, so prefixes while typing match
  ])("query %j → %s", (query, expected) => {
    expect(matchesSearch(haystack, query)).toBe(expected);
  });

  it("treats đ and d as the same letter", () => {
    expect(matchesSearch("Sở Giáo dục và Đào tạo", "dao tao")).toBe(true);
    expect(matchesSearch("Sở Giáo dục và Dao tạo", "đào")).toBe(true);
  });
});

describe("foldTranslation", () => {
  const { from, to } = foldTranslation();
  const translate = (text: string) => [...text].map((c) => to[from.indexOf(c)] ?? c).join("");

  it("pairs each marked letter with its folded letter, one character each", () => {
    expect([...from]).toHaveLength(to.length);
    expect(from).toContain("ự");
    expect(from).toContain("Đ");
    for (const [i, letter] of [...from].entries()) expect(to[i]).toBe(foldVietnamese(letter));
  });

  it.each(["Sở Khoa học và Công nghệ", "PHƯỜNG BẮC NHA TRANG", "Đặc khu Trường Sa", "Ủy ban nhân dân"])(
    "translating then lower-casing %s gives what foldVietnamese gives",
    (text) => {
      expect(translate(text).toLowerCase()).toBe(foldVietnamese(text));
    },
  );
});
