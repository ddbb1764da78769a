import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** Marks a sealed value: the version of the format, so a later key or cipher can be told apart. */
const PREFIX = "v1:";

/**
 * Secrets kept in the store (Zalo's OA tokens) are sealed with AES-256-GCM under a key from the
 * environment (SECRETS_KEY), so a copy of the database or a backup does not hand over the ward's OA.
 * A value stored before sealing existed (no prefix) is read as it is and sealed at its next write.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes");
    this.key = key;
  }

  /** The key of a development machine, when none is configured (production refuses to start without one). */
  static forDevelopment(): SecretBox {
    return new SecretBox(createHash("sha256").update("loa-phuong: development only, not a secret").digest());
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${PREFIX}${iv.toString("base64url")}.${tag.toString("base64url")}.${sealed.toString("base64url")}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [iv, tag, sealed] = stored.slice(PREFIX.length).split(".");
    if (!iv || !tag || sealed === undefined) throw new Error("sealed secret is malformed");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  }
}

/** The box for a configured key (base64 of 32 random bytes), or the development one. */
export function secretBoxFor(key: string | undefined): SecretBox {
  return key ? new SecretBox(Buffer.from(key, "base64")) : SecretBox.forDevelopment();
}
