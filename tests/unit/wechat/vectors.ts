// Loads the known-answer vectors (tests/fixtures/wechat/vectors.json; its "about" names the sources)
// at run time, so a vector added to the file is tested without touching the tests. The schema keeps a typo in the file from passing as "no vectors".
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const signatureVectorSchema = z.union([
  z.object({
    source: z.string(),
    token: z.string(),
    timestamp: z.string(),
    nonce: z.string(),
    echostr: z.string().optional(),
    signature: z.string(),
  }),
  z.object({ source: z.string(), parts: z.array(z.string()), signature: z.string() }),
]);

const decryptVectorSchema = z.object({
  source: z.string(),
  token: z.string().optional(),
  encodingAESKey: z.string(),
  appId: z.string(),
  timestamp: z.string().optional(),
  nonce: z.string().optional(),
  encrypt: z.string(),
  msgSignature: z.string().optional(),
  message: z.string(),
});

const encryptVectorSchema = decryptVectorSchema.extend({ random: z.string() });

const vectorsSchema = z.object({
  signature: z.array(signatureVectorSchema).min(1),
  decrypt: z.array(decryptVectorSchema).min(1),
  encrypt: z.array(encryptVectorSchema).min(1),
  events: z.record(z.string(), z.string()),
});

export type SignatureVector = z.infer<typeof signatureVectorSchema>;
export type DecryptVector = z.infer<typeof decryptVectorSchema>;
export type EncryptVector = z.infer<typeof encryptVectorSchema>;

export const vectorsPath = path.resolve(import.meta.dirname, "../../fixtures/wechat/vectors.json");

export const vectors = vectorsSchema.parse(JSON.parse(readFileSync(vectorsPath, "utf8")));

/** The parts a vector signs: its explicit `parts`, or (token, timestamp, nonce). */
export function signedParts(vector: SignatureVector): string[] {
  return "parts" in vector ? vector.parts : [vector.token, vector.timestamp, vector.nonce];
}

/** msg_signature parts, when the vector carries everything a msg_signature needs. */
export function messageSignatureParts(vector: DecryptVector): string[] | null {
  const { token, timestamp, nonce, msgSignature } = vector;
  if (token === undefined || timestamp === undefined || nonce === undefined || msgSignature === undefined) return null;
  return [token, timestamp, nonce, vector.encrypt];
}
