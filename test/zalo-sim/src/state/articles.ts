import type { IdGenerator } from "../ids.js";

export interface ArticleInput {
  type: string;
  title: string;
  author?: string;
  cover?: Record<string, unknown>;
  description: string;
  body: Record<string, unknown>[];
  status: string;
  comment?: string;
}

export interface Article extends ArticleInput {
  id: string;
  createdAt: number;
  /** Every URL in the article (cover, images, text), for the ledger's `links`. */
  links: string[];
}

/**
 * The OA's articles. Zalo answers a create with a token and processes the article in the
 * background; `verify` turns the token into the article id. Here processing is instant.
 */
export class ArticleStore {
  private readonly byId = new Map<string, Article>();
  private readonly idByToken = new Map<string, string>();

  constructor(private readonly ids: IdGenerator) {}

  create(input: ArticleInput, links: string[], now: number): { token: string } {
    const id = this.ids.token(32).replace(/[-_]/g, "0");
    const token = this.ids.token(48);
    this.byId.set(id, { ...input, id, createdAt: now, links });
    this.idByToken.set(token, id);
    return { token };
  }

  verify(token: string): string | undefined {
    return this.idByToken.get(token);
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }
}
