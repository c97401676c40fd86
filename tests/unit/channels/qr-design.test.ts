import { describe, expect, it } from "vitest";
import { contrastRatio, defaultQrDesign, effectiveErrorCorrectionLevel, qrDesignSchema } from "@/lib/schemas/qr-design";
import { encodeQr, estimateTextWidth, layoutQr, captionTextOf } from "@/lib/qr/layout";
import { renderQrSvg } from "@/lib/qr/svg";

const url = "http://weixin.qq.com/q/02abcdefghijklmnopqrstuv";

describe("the QR design", () => {
  it("defaults to a plain black-on-white code of 1024 px", () => {
    expect(defaultQrDesign).toEqual({
      size: 1024,
      margin: 2,
      errorCorrectionLevel: "M",
      foreground: "#000000",
      background: "#ffffff",
      logo: null,
      caption: false,
    });
  });

  it("refuses inverted and low-contrast colours, accepts brand colours with enough contrast", () => {
    expect(qrDesignSchema.safeParse({ foreground: "#ffffff", background: "#000000" }).success).toBe(false);
    expect(qrDesignSchema.safeParse({ foreground: "#dddddd", background: "#ffffff" }).success).toBe(false);
    expect(qrDesignSchema.safeParse({ foreground: "#07C160", background: "#ffffff" }).success).toBe(true);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });

  it("forces level H under a logo", () => {
    const logo = { dataUrl: "data:image/png;base64,iVBORw0KGgo=", scale: 0.2 };
    expect(effectiveErrorCorrectionLevel({ errorCorrectionLevel: "L", logo })).toBe("H");
    expect(effectiveErrorCorrectionLevel({ errorCorrectionLevel: "L", logo: null })).toBe("L");
    expect(encodeQr(url, { errorCorrectionLevel: "L", logo }).size).toBeGreaterThan(
      encodeQr(url, { errorCorrectionLevel: "L", logo: null }).size,
    );
  });
});

describe("the layout", () => {
  it("puts module edges on whole pixels, first at 0 and last at the size", () => {
    const matrix = encodeQr(url, defaultQrDesign);
    const layout = layoutQr(matrix, { ...defaultQrDesign, size: 1000 }, null);
    expect(layout.edges[0]).toBe(0);
    expect(layout.edges.at(-1)).toBe(1000);
    expect(layout.edges.every((edge) => Number.isInteger(edge))).toBe(true);
    expect([layout.width, layout.height, layout.caption]).toEqual([1000, 1000, null]);
  });

  it("adds a band for the caption and shrinks a long name to fit", () => {
    const matrix = encodeQr(url, defaultQrDesign);
    const short = layoutQr(matrix, { ...defaultQrDesign, caption: true }, "门店 12");
    const long = layoutQr(
      matrix,
      { ...defaultQrDesign, caption: true },
      "北京市朝阳区三里屯太古里南区旗舰店入口左侧海报",
    );
    expect(short.height).toBeGreaterThan(1024);
    expect(long.caption!.fontSize).toBeLessThan(short.caption!.fontSize);
    expect(estimateTextWidth(long.caption!.text, long.caption!.fontSize)).toBeLessThanOrEqual(
      long.caption!.maxWidth + 1,
    );
    expect(captionTextOf("x".repeat(100))).toHaveLength(80);
  });

  it("escapes the caption in SVG and leaves it out when the design has none", () => {
    const svg = renderQrSvg(url, { ...defaultQrDesign, caption: true }, `<script>&"'`);
    expect(svg).toContain("&#60;script&#62;&#38;&#34;&#39;</text>");
    expect(svg).not.toContain("<script>");
    expect(renderQrSvg(url, defaultQrDesign, "name")).not.toContain("<text");
  });
});
