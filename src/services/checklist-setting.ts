import { z } from 'zod'
import { DUTY_KINDS } from '../domain/checklist'
import { checklistProblem, type ChecklistConfig } from '../domain/unit-checklist'
import { COMMAND_SPECS, findSpec } from '../parser/command-specs'
import { SURNAMES } from '../nl/people'
import { findSensitiveNumbers, maskSensitive } from '../domain/mask-sensitive'

const target = z.object({ min: z.number().int().min(1).max(365), max: z.number().int().min(1).max(365).optional() })
const dutyKind = z.enum(DUTY_KINDS)

/** The shape of a unit's own checklist, as the API (PUT /checklist) and the scenario runner accept it. */
export const checklistConfigSchema = z.strictObject({
  targets: z
    .partialRecord(dutyKind, target)
    .optional()
    .describe('new targets of default items, e.g. representatives {min:3,max:5}'),
  off: z.array(dutyKind).max(8).optional().describe('default items switched off'),
  added: z
    .array(
      z.strictObject({
        key: z
          .string()
          .regex(/^[a-z][a-z0-9-]{1,30}$/)
          .describe('stable code stored with each record'),
        label: z
          .string()
          .regex(
            /^[\p{Script=Han}A-Za-z0-9（）()·、—-]{2,20}$/u,
            'a label of 2 to 20 Chinese characters, letters or digits',
          )
          .describe('e.g. 参加议事会'),
        words: z
          .array(z.string().regex(/^[\u4e00-\u9fffA-Za-z]{1,8}$/))
          .min(1)
          .max(5)
          .describe('command words, e.g. 议事'),
        rule: z.enum(['entries', 'distinct', 'days']).describe('count entries, distinct names, or distinct days'),
        min: z.number().int().min(1).max(365),
        max: z.number().int().min(1).max(365).optional(),
      }),
    )
    .max(12)
    .optional(),
})

/**
 * Why a checklist cannot be set, in Chinese (the admin reads it), or undefined: the rules of the
 * domain, and no added item's command word may be one of the bot's own commands or their aliases.
 */
export function checklistRefusal(config: ChecklistConfig): string | undefined {
  const problem = checklistProblem(config)
  if (problem) return problem
  // A label is shown on every executive's progress and in every report, unmasked.
  for (const { label } of config.added ?? []) {
    const number = findSensitiveNumbers(label)[0]
    if (number) return `项目名称“${maskSensitive(label)}”里有像电话或证件号的号码（${number.masked}），请只写项目名称`
  }
  for (const word of config.added?.flatMap((a) => a.words) ?? []) {
    if (findSpec(word)) return `命令词“${word}”已被机器人自己的命令占用`
    // Added words are read first, so one that begins a command of the bot's would take it over (撤 and #撤销).
    const hidden = BUILT_IN_WORDS.find((w) => w.startsWith(word.toLowerCase()))
    if (hidden) return `命令词“${word}”会挡住机器人自己的命令 #${hidden}，请换一个`
    // "联系刘": a person's command of the bot's and a surname (only: 联系单位 is a word of its own). "#联系刘翠花" stays the bot's (a name is
    // glued to its word as often as not), so such an item could not be recorded the way people write it.
    const person = NAME_WORDS.find(
      (w) => word.length === w.length + 1 && word.toLowerCase().startsWith(w) && SURNAMES.has(word.at(-1)!),
    )
    if (person)
      return `命令词“${word}”是机器人的命令 #${person} 加一个姓，“#${word}翠花”会记成联系“${word.slice(person.length)}翠花”，请换一个`
  }
  return undefined
}

const BUILT_IN_WORDS = COMMAND_SPECS.flatMap((s) => [s.word, ...s.aliases]).map((w) => w.toLowerCase())
/** The bot's commands that take a person's or a family's name, which people glue to the word. */
const NAME_WORDS = COMMAND_SPECS.filter((s) => s.type === 'duty' && s.shape !== 'title')
  .flatMap((s) => [s.word, ...s.aliases])
  .map((w) => w.toLowerCase())
