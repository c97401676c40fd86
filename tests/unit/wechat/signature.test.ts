import { describe, expect, it } from "vitest";
import { computeSignature, isSignatureValid } from "@/lib/wechat/signature";
import { signedParts, vectors } from "./vectors";

describe("signature vectors", () => {
  it.each(vectors.signature.map((vector) => [vector.source, vector] as const))("%s", (_source, vector) => {
    const parts = signedParts(vector);
    expect(computeSignature(parts)).toBe(vector.signature);
    expect(isSignatureValid(vector.signature, parts)).toBe(true);
    // Order of the parts must not matter: WeChat sorts them.
    expect(computeSignature([...parts].reverse())).toBe(vector.signature);
  });
});

describe("isSignatureValid", () => {
  const parts = ["a", "b", "c"];
  const valid = "a9993e364706816aba3e25717850c26c9cd0d89d";

  it("accepts the signature in upper case, since it compares bytes", () => {
    expect(isSignatureValid(valid.toUpperCase(), parts)).toBe(true);
  });

  it("rejects a changed digit", () => {
    expect(isSignatureValid(`${valid.slice(0, -1)}e`, parts)).toBe(false);
  });

  it("rejects a wrong length, non-hex text and an empty string without throwing", () => {
    expect(isSignatureValid(valid.slice(0, -2), parts)).toBe(false);
    expect(isSignatureValid(`${valid}00`, parts)).toBe(false);
    expect(isSignatureValid(`${valid.slice(0, -1)}z`, parts)).toBe(false);
    expect(isSignatureValid("", parts)).toBe(false);
  });

  it("rejects a signature over other parts", () => {
    expect(isSignatureValid(valid, ["a", "b", "d"])).toBe(false);
  });
});
