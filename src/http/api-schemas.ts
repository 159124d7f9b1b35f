import { z } from 'zod'
import { LIMITS } from '../domain/vocabulary'
import { nameRefusal } from '../domain/name-refusal'
import { checklistConfigSchema } from '../services/checklist-setting'

/** Request bodies of the API: the routes validate with them and the OpenAPI document is generated from them. */
export const reviewRuleBody = z
  .object({
    org: z.string().min(1).max(LIMITS.name).describe('单位名称'),
    excellent: z
      .number()
      .int()
      .min(0)
      .max(20)
      .describe('items done for 优秀 (of her own checklist: at most 8 + 12 added)'),
    pass: z.number().int().min(0).max(20).describe('items done for 合格'),
    basic: z.number().int().min(0).max(20).describe('items done for 基本合格'),
  })
  .refine((r) => r.excellent >= r.pass && r.pass >= r.basic, 'thresholds must satisfy excellent >= pass >= basic')

export const tokenBody = z.object({
  role: z.enum(['admin', 'chair']),
  org: z.string().min(1).max(LIMITS.name).describe('单位名称: the token sees this unit and everything below it'),
  label: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .superRefine((label, ctx) => {
      const refusal = nameRefusal(label, '持有人')
      if (refusal) ctx.addIssue({ code: 'custom', message: refusal })
    })
    .describe('who holds it, shown in the audit trail'),
})

/** Moving a member to another unit of the caller's. */
export const moveBody = z.object({
  org: z.string().trim().min(1).max(LIMITS.name).describe('单位名称: a unit in your scope'),
})

export const countingBody = z.object({
  org: z
    .string()
    .min(1)
    .max(LIMITS.name)
    .describe('单位名称: applies to this unit and the units below it without a setting of their own'),
  chairs: z.boolean().describe('count chairs who keep a checklist in the figures (default false)'),
})

/** A unit's own checklist (see domain/unit-checklist): `config: null` goes back to the inherited one. */
export const checklistBody = z.object({
  org: z
    .string()
    .min(1)
    .max(LIMITS.name)
    .describe('单位名称: applies to this unit and the units below it without a checklist of their own'),
  config: checklistConfigSchema.nullable(),
})

/** An OpenAPI request body from a zod schema (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). */
export function jsonBody(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>
  return { required: true, content: { 'application/json': { schema: jsonSchema } } }
}
