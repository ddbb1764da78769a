import type { FieldIssue, StaffRole } from "@loa-phuong/shared";
import { type Request, type RequestHandler, type Response, Router } from "express";
import type { z } from "zod";
import { invalidFields } from "../errors/app-error.js";
import type { ApiContext } from "./api-context.js";
import {
  type ResidentAuth,
  requireGroupHead,
  requireOpinionReporter,
  requireResident,
  requireSignedIn,
  requireStaff,
  residentOf,
  type StaffAuth,
  staffOf,
} from "./middleware/auth.js";

/**
 * Who may call a route: anyone; anyone with a valid Zalo signature (the webhook); anyone signed in
 * (resident or staff); a resident; a confirmed group head; a reporter of public opinion (a confirmed
 * group head, or a collaborator the ward appointed); any staff member; or staff holding one of the
 * listed roles.
 */
export type Access =
  | "public"
  | "signed"
  | "signedIn"
  | "resident"
  | "head"
  | "reporter"
  | "staff"
  | readonly StaffRole[];

type Method = "get" | "post" | "put" | "patch" | "delete";
type Schema = z.ZodType;

/** One route as the API declares it: where it is, who may call it, what it takes and answers. */
export interface RouteSpec<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
  A extends Access = Access,
> {
  method: Method;
  /** Express syntax (`/posts/:id`), relative to the mount point. */
  path: string;
  /** One line for the API document. */
  summary: string;
  /** Groups routes in the API document. */
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON answer; omitted when the answer is not JSON (then `produces` says what it is). */
  response?: R;
  status?: 200 | 201 | 204;
  /** Media type of an answer that is not JSON (CSV, an image, an event stream, HTML). */
  produces?: string;
  /** Media types of a body that is not JSON (the bytes of an image). */
  consumes?: string[];
  /** Run after the access check, before validation: limits, a raw body parser. */
  use?: RequestHandler[];
}

/** A declared route and where it is mounted: what the API document and the role matrix read. */
export interface RegisteredRoute extends RouteSpec {
  mount: "" | "/api";
}

/** Every route the app declares, in the order it was declared. */
export class RouteRegistry {
  readonly routes: RegisteredRoute[] = [];

  add(route: RegisteredRoute): void {
    const twin = this.routes.find(
      (r) => r.method === route.method && r.mount + r.path === route.mount + route.path,
    );
    if (twin)
      throw new Error(`route declared twice: ${route.method.toUpperCase()} ${route.mount}${route.path}`);
    this.routes.push(route);
  }
}

type Out<S> = S extends Schema ? z.output<S> : undefined;
type ActorOf<A extends Access> = A extends "resident" | "head" | "reporter"
  ? { resident: ResidentAuth }
  : A extends "staff" | readonly StaffRole[]
    ? { staff: StaffAuth }
    : unknown;

export type RouteInput<P, Q, B, A extends Access> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  req: Request;
  res: Response;
} & ActorOf<A>;

/** What a handler returns: the JSON answer (its schema's input), or nothing when it answered itself. */
type RouteOutput<R> = R extends Schema ? z.input<R> : undefined;

/**
 * A router whose routes are declared with their schemas: each request's params, query and body are
 * validated once, here, with the route's schemas (a failure is a 400 naming each field) and handed
 * to the handler typed, with the caller it is for; the answer is written with the declared status.
 */
export class RouteTable {
  readonly router = Router();

  constructor(
    private readonly ctx: ApiContext,
    private readonly registry: RouteRegistry,
    private readonly mount: "" | "/api" = "/api",
  ) {}

  add<
    P extends Schema | undefined = undefined,
    Q extends Schema | undefined = undefined,
    B extends Schema | undefined = undefined,
    R extends Schema | undefined = undefined,
    const A extends Access = Access,
  >(
    spec: RouteSpec<P, Q, B, R, A>,
    handler: (input: RouteInput<P, Q, B, A>) => Promise<RouteOutput<R>> | RouteOutput<R>,
  ): void {
    this.registry.add({ ...(spec as RouteSpec), mount: this.mount });
    const gate = accessGate(this.ctx, spec.access);
    this.router[spec.method](spec.path, ...gate, ...(spec.use ?? []), async (req: Request, res: Response) => {
      const input = {
        ...parseRequest(spec, req),
        req,
        res,
        ...actorOf(spec.access, res),
      } as RouteInput<P, Q, B, A>;
      const result = await handler(input);
      if (res.headersSent) return;
      if (spec.status === 204) res.status(204).end();
      else if (spec.response) res.status(spec.status ?? 200).json(result);
      else throw new Error(`route ${spec.method} ${spec.path} did not answer`);
    });
  }
}

function accessGate(ctx: ApiContext, access: Access) {
  if (access === "public" || access === "signed") return [];
  if (access === "signedIn") return [requireSignedIn];
  if (access === "resident") return [requireResident];
  if (access === "head") return [requireResident, requireGroupHead(ctx)];
  if (access === "reporter") return [requireResident, requireOpinionReporter(ctx)];
  if (access === "staff") return [requireStaff()];
  return [requireStaff(...access)];
}

function actorOf(access: Access, res: Response) {
  if (access === "resident" || access === "head" || access === "reporter")
    return { resident: residentOf(res) };
  if (access === "public" || access === "signed" || access === "signedIn") return {};
  return { staff: staffOf(res) };
}

/** Validates params, query and body with the route's schemas; all failures in one 400. */
function parseRequest(spec: RouteSpec, req: Request) {
  const fields: FieldIssue[] = [];
  const parsed: Record<"params" | "query" | "body", unknown> = {
    params: undefined,
    query: undefined,
    body: undefined,
  };
  for (const part of ["params", "query", "body"] as const) {
    const schema = spec[part];
    if (!schema) continue;
    const input = part === "body" ? (req.body ?? {}) : req[part];
    const result = schema.safeParse(input);
    if (result.success) parsed[part] = result.data;
    else
      for (const issue of result.error.issues)
        fields.push({ field: [part, ...issue.path.map(String)].join("."), message: issue.message });
  }
  if (fields.length > 0) throw invalidFields(fields);
  return parsed;
}
