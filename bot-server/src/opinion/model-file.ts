// The model file: "LPOM", the header's length (uint32 LE), a JSON header (task, version, labels, the
// features each member reads, biases, how it was trained and on what, its dev figures), then the
// members' weights quantised to integers per class and deflated. Same model in, same bytes out.
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { FeatureConfig } from "./features.js";
import type { LinearModel } from "./linear-model.js";

const MAGIC = "LPOM";
const FORMAT = 1;

export interface MemberHeader {
  features: FeatureConfig;
  /** The member's share of the ensemble's summed scores. */
  share: number;
  /** Per-class intercepts. */
  bias: number[];
  /** Bits per stored weight and, per class, the weight one integer step stands for. */
  quantization: { bits: 8 | 16; scales: number[] };
}

export interface Provenance {
  /** The command that produced the file. */
  command: string;
  seed: number;
  /** The corpus and its credit. */
  data: string;
  examples: number;
  extraExamples: number;
}

export interface DevFigures {
  examples: number;
  accuracy: number;
  weightedF1: number;
  macroF1: number;
  perClassF1: number[];
  accentlessWeightedF1: number;
  accentlessMacroF1: number;
}

export interface ModelHeader {
  format: number;
  task: string;
  /** `<task>-<yyyy.mm.dd>-<first 8 hex of the weights' SHA-256>`: recorded beside every label. */
  version: string;
  labels: string[];
  members: MemberHeader[];
  /** Added to the summed scores before the largest is taken: tuned for the rare classes. */
  classBias: number[];
  provenance: Provenance;
  dev: DevFigures | null;
}

export interface OpinionModel {
  header: ModelHeader;
  members: LinearModel[];
}

export interface ModelDraft {
  task: string;
  labels: string[];
  members: { model: LinearModel; features: FeatureConfig; share: number }[];
  classBias: number[];
  provenance: Provenance;
  dev: DevFigures | null;
  /** The day in the version string, `yyyy.mm.dd`. */
  day: string;
  quantizationBits?: 8 | 16;
}

/** The file's bytes for a trained model, and the model as read back (weights quantised). */
export function encodeModel(draft: ModelDraft): { bytes: Buffer; model: OpinionModel } {
  const bits = draft.quantizationBits ?? 16;
  const members: MemberHeader[] = [];
  const blocks: Buffer[] = [];
  for (const { model, features, share } of draft.members) {
    const { block, scales } = quantize(model, bits);
    blocks.push(block);
    members.push({ features, share, bias: [...model.bias], quantization: { bits, scales } });
  }
  const payload = Buffer.concat(blocks);
  const digest = createHash("sha256")
    .update(payload)
    .update(JSON.stringify({ members, classBias: draft.classBias }))
    .digest("hex");
  const header: ModelHeader = {
    format: FORMAT,
    task: draft.task,
    version: `${draft.task}-${draft.day}-${digest.slice(0, 8)}`,
    labels: draft.labels,
    members,
    classBias: draft.classBias,
    provenance: draft.provenance,
    dev: draft.dev,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const bytes = Buffer.concat([
    Buffer.from(MAGIC),
    length,
    headerBytes,
    deflateRawSync(payload, { level: 9 }),
  ]);
  return { bytes, model: decodeModel(bytes) };
}

/** Reads a model file's bytes. */
export function decodeModel(bytes: Uint8Array): OpinionModel {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.toString("latin1", 0, 4) !== MAGIC) throw new Error("not an opinion model file");
  const headerLength = buffer.readUInt32LE(4);
  const header = JSON.parse(buffer.toString("utf8", 8, 8 + headerLength)) as ModelHeader;
  if (header.format !== FORMAT) throw new Error(`model format ${header.format}, this code reads ${FORMAT}`);
  const payload = inflateRawSync(buffer.subarray(8 + headerLength));
  let offset = 0;
  const members = header.members.map((member) => {
    const classes = header.labels.length;
    const dims = 2 ** member.features.bits;
    const byteLength = dims * classes * (member.quantization.bits / 8);
    const model = dequantize(payload.subarray(offset, offset + byteLength), member, dims, classes);
    offset += byteLength;
    return model;
  });
  if (offset !== payload.length)
    throw new Error(`model payload has ${payload.length - offset} bytes too many`);
  return { header, members };
}

function quantize(model: LinearModel, bits: 8 | 16): { block: Buffer; scales: number[] } {
  const { classes, weights } = model;
  const top = bits === 8 ? 127 : 32767;
  const scales = Array.from({ length: classes }, (_, k) => {
    let max = 0;
    for (let i = k; i < weights.length; i += classes) max = Math.max(max, Math.abs(weights[i]!));
    return max === 0 ? 1 : max / top;
  });
  const block = Buffer.alloc(weights.length * (bits / 8));
  for (let i = 0; i < weights.length; i++) {
    const step = Math.round(weights[i]! / scales[i % classes]!);
    if (bits === 8) block.writeInt8(step, i);
    else block.writeInt16LE(step, i * 2);
  }
  return { block, scales };
}

function dequantize(block: Buffer, member: MemberHeader, dims: number, classes: number): LinearModel {
  const { bits, scales } = member.quantization;
  const weights = new Float32Array(dims * classes);
  for (let i = 0; i < weights.length; i++) {
    const step = bits === 8 ? block.readInt8(i) : block.readInt16LE(i * 2);
    weights[i] = step * scales[i % classes]!;
  }
  return { classes, dims, weights, bias: Float32Array.from(member.bias) };
}
