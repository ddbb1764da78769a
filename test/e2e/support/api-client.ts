/** A small JSON client for the bot server's HTTP API, as the Mini App and staff screens use it. */
export class ApiClient {
  token: string | undefined;

  constructor(private readonly baseUrl: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape; each asserts what it reads
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async loginStaff(username: string, password: string): Promise<this> {
    const res = await this.request("POST", "/api/auth/staff/login", { username, password });
    if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.token;
    return this;
  }
}
