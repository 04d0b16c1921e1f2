// The checks applied to every answer the run gets, whatever case sent it: Schemathesis's
// not_a_server_error, status_code_conformance, content_type_conformance,
// response_headers_conformance and response_schema_conformance. Each is a function of
// (ctx, exchange, operation) that reports findings and observations through ctx.

const media = (type) => String(type ?? '').split(';')[0].trim().toLowerCase();

export const notAServerError = {
  name: 'not_a_server_error',
  kind: 'response',
  verifies: 'no request, valid or not, gets a 5xx or no answer',
  run(ctx, x, op) {
    if (x.error) ctx.finding(this.name, x, op, 'an answer', `none (${x.error})`);
    else if (x.status >= 500) ctx.finding(this.name, x, op, 'an answer that is not a server error', `${x.status}${ctx.messageOf(x)}`);
  },
};

export const statusCodeConformance = {
  name: 'status_code_conformance',
  kind: 'response',
  verifies: "every status is one the spec documents for the operation",
  run(ctx, x, op) {
    if (x.error || x.status === undefined) return;
    const response = op.responses[String(x.status)] ?? op.responses[`${String(x.status)[0]}XX`] ?? op.responses.default;
    if (!response) {
      ctx.finding(this.name, x, op, `one of ${Object.keys(op.responses).join(', ')}`, `${x.status}${ctx.messageOf(x)}`, {
        pointers: [op.pointer],
        edit: `add a '${x.status}' response to ${op.operationId}`,
      });
      return;
    }
    const evidence = `${op.method} ${x.shownPath} answered ${x.status}`;
    ctx.observe(response.pointer, this.name, true, evidence);
    if (response.target !== response.pointer) ctx.observe(response.target, this.name, true, evidence);
    // A success status the spec only infers (it carries x-partnero-inferred) seen: evidence for
    // the operation's own claims about its statuses ("may be answered 200 as well as 201").
    if (x.status >= 200 && x.status < 300 && response.inferred) ctx.observe(op.pointer, this.name, true, `${evidence}, a success status the spec infers`);
  },
};

/** The spec's answer for the status that came (undefined for none, or when no answer came). */
const documentedResponse = (x, op) => (x.status !== undefined ? op.responses[String(x.status)] : undefined);

export const contentTypeConformance = {
  name: 'content_type_conformance',
  kind: 'response',
  verifies: 'a body comes with a Content-Type the spec documents for that status',
  run(ctx, x, op) {
    const response = documentedResponse(x, op);
    if (!response || x.error) return;
    const documented = response.contentTypes.map(media);
    if (x.text === '' ) {
      if (documented.length && x.status !== 204 && x.status < 300) ctx.finding(this.name, x, op, `a body of type ${documented.join(' or ')}`, 'an empty body', { pointers: [response.pointer] });
      return;
    }
    if (!documented.length) {
      ctx.finding(this.name, x, op, 'no body (the spec documents none for this status)', `a body of type ${media(x.contentType) || 'none'}`, { pointers: [response.pointer], edit: `describe the body of ${op.operationId}'s ${x.status} answer` });
      return;
    }
    if (!documented.includes(media(x.contentType))) {
      const html = /text\/html/i.test(x.contentType) || /^\s*(<!doctype html|<html)/i.test(x.text);
      ctx.finding(this.name, x, op, documented.join(' or '), html ? `an HTML page (${x.contentType || 'no Content-Type'})${titleOf(x.text)}` : x.contentType || 'no Content-Type', { pointers: [response.pointer] });
    }
  },
};

export const responseHeadersConformance = {
  name: 'response_headers_conformance',
  kind: 'response',
  verifies: 'documented response headers are present when required and match their schema',
  run(ctx, x, op) {
    const response = documentedResponse(x, op);
    if (!response || x.error) return;
    for (const [name, raw] of Object.entries(response.headers ?? {})) {
      const { node: header, pointer } = ctx.spec.deref(raw, `${response.target}/headers/${name}`);
      const value = x.headers?.[name.toLowerCase()];
      if (value === undefined) {
        if (header?.required) ctx.finding(this.name, x, op, `a ${name} header`, 'none', { pointers: [pointer] });
        continue;
      }
      const schema = ctx.spec.deref(header?.schema, `${pointer}/schema`).node;
      const ok = !schema || ctx.validateValue(schema, coerce(value, schema));
      ctx.observe(pointer, this.name, ok, `${name}: ${JSON.stringify(value)} on ${x.status} to ${op.method} ${x.shownPath}`);
      if (!ok) ctx.finding(this.name, x, op, `${name} as its schema says`, JSON.stringify(value), { pointers: [pointer] });
    }
  },
};

function coerce(value, schema) {
  const types = [].concat(schema.type ?? [], ...(schema.anyOf ?? schema.oneOf ?? []).map((s) => s.type ?? []));
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

export const responseSchemaConformance = {
  name: 'response_schema_conformance',
  kind: 'response',
  verifies: "every JSON body matches the spec's schema for its status (the generated validators)",
  run(ctx, x, op) {
    const response = documentedResponse(x, op);
    if (!response?.schema || x.error || x.text === '') return;
    if (x.json === undefined) return; // content_type_conformance says what came instead
    const problems = ctx.validateResponse(response, x.json);
    for (const { pointer, held, evidence } of problems.observations) ctx.observe(pointer, this.name, held, `${evidence} in the answer to ${op.method} ${x.shownPath}`);
    for (const issue of problems.issues) {
      ctx.finding(this.name, x, op, issue.expected, issue.came, { where: issue.where, pointers: issue.pointers, edit: issue.edit });
    }
  },
};

function titleOf(body) {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  return title ? ` titled "${title.slice(0, 80)}"` : '';
}

export const maxResponseTime = {
  name: 'max_response_time',
  kind: 'response',
  optIn: 'max-response-time',
  verifies: 'every answer comes within --max-response-time (off unless given: the spec states no bound)',
  run(ctx, x, op) {
    if (ctx.maxResponseMs === undefined || x.error) return;
    if (x.ms > ctx.maxResponseMs) ctx.finding(this.name, x, op, `an answer within ${ctx.maxResponseMs} ms`, `${x.ms} ms`);
  },
};

export const responseChecks = [notAServerError, statusCodeConformance, contentTypeConformance, responseHeadersConformance, responseSchemaConformance, maxResponseTime];
