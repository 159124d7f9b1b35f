import type Koa from 'koa'
import type { z } from 'zod'
import { readBody } from './read-body'

/** A schema failure as one sentence: which field, and what is wrong with it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!
  return `Invalid ${issue.path.join('.') || 'input'}: ${issue.message}`
}

/**
 * Every JSON request body goes through here, so a bad one is a 400 that says what to fix (413 past
 * `limit`, as for uploads) and never reaches a route as anything but the schema's type.
 */
export async function readJson<T extends z.ZodTypeAny>(
  ctx: Koa.Context,
  schema: T,
  limit = 10_000,
): Promise<z.infer<T>> {
  if (!ctx.request.is('application/json', '+json')) {
    ctx.throw(400, 'Send the body as JSON, with the header Content-Type: application/json.')
  }
  const text = (await readBody(ctx, limit)).toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    ctx.throw(400, `The body is not valid JSON: ${(err as Error).message}`)
  }
  const result = schema.safeParse(value)
  if (!result.success) ctx.throw(400, describeIssue(result.error))
  return result.data
}
