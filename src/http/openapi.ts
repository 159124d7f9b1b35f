import { checklistBody, countingBody, jsonBody, moveBody, reviewRuleBody, tokenBody } from './api-schemas'

/** The admin API described for its users' tools (OpenAPI 3.1); request bodies come from the routes' zod schemas. */
export function openApiDocument() {
  const bearer = [{ bearer: [] }]
  const json = (description: string) => ({ description, content: { 'application/json': {} } })
  const errors = {
    '400': json('Bad input: unparsable JSON, a Content-Type other than application/json, or a field out of range'),
    '401': json('Missing or invalid token'),
    '403': json('Outside your role or scope, or a POST/PUT from a page of another site'),
    '429': json('Too many wrong tokens from your address; see Retry-After'),
  }
  const yearOrg = [
    { name: 'year', in: 'query', schema: { type: 'integer' } },
    { name: 'org', in: 'query', schema: { type: 'string' }, description: '单位名称; defaults to the token’s unit' },
  ]
  return {
    openapi: '3.1.0',
    info: { title: '妇联助手 admin API', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: bearer,
    paths: {
      '/healthz': {
        get: {
          security: [],
          summary:
            'Database and WeChat state; status "degraded" when journaled messages have waited over a minute for the database',
          responses: { '200': json('Database up'), '503': json('Database down') },
        },
      },
      '/api/v1/me': {
        get: { summary: 'The token’s role and unit (id and name)', responses: { '200': json('Principal'), ...errors } },
      },
      '/api/v1/progress': {
        get: {
          summary:
            'One page of the people counted below the unit (executives; chairs where their federation counts them), unit by unit in tree order and by name within a unit, each with the checklist counts, done, total and items (her own unit’s checklist), grade (her own unit’s rule), onTrack and nothingYet. At most `limit` (default and most 500) a page; where more follow, the X-Next-Cursor header (and Link rel="next") gives the `cursor` of the next page',
          parameters: [
            ...yearOrg,
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: 'X-Next-Cursor of the page before',
            },
          ],
          responses: { '200': json('Rows'), ...errors },
        },
      },
      '/api/v1/summary': {
        get: {
          summary:
            '{ year, unit, units }: the unit asked about (or the whole scope) and its direct children (the top units, for a scope of several), each with the figures of its whole subtree (counted, executives, chairs, direct, averageDone, onTrack(Share), nothingYet(Share), grades, itemsDone, itemsHeld: people whose checklist has the item) and its rank among its sibling units by average items; behind and nothingYet: the people the weekly post names (everyone of a village or township, else its own level: named)',
          parameters: yearOrg,
          responses: { '200': json('Units'), ...errors },
        },
      },
      '/api/v1/review/{file}': {
        get: {
          summary:
            'Annual review workbook (<year>.xlsx: 汇总 by unit with subtotals down the tree, then a sheet per unit) or table (<year>.csv)',
          parameters: [
            { name: 'file', in: 'path', required: true, schema: { type: 'string', example: '2026.xlsx' } },
            yearOrg[1],
          ],
          responses: { '200': { description: 'File' }, ...errors },
        },
      },
      '/api/v1/duty-reports/{file}': {
        get: {
          summary:
            "Every counted person's 述职报告 in the scope (or ?org=) for a year, from her own records: <year>.docx (one Word document, each report from a new page) or <year>.html (the same, to print from a browser); at most 300",
          parameters: [
            { name: 'file', in: 'path', required: true, schema: { type: 'string', example: '2026.docx' } },
            yearOrg[1],
          ],
          responses: { '200': { description: 'File' }, ...errors },
        },
      },
      '/api/v1/review-rule': {
        put: {
          summary: 'Admin: grade thresholds of a unit (items done)',
          requestBody: jsonBody(reviewRuleBody),
          responses: { '200': json('Saved'), '413': json('Body too large'), ...errors },
        },
      },
      '/api/v1/counting': {
        put: {
          summary: 'Admin: whether chairs who keep a checklist are counted in this unit and those below it',
          requestBody: jsonBody(countingBody),
          responses: { '200': json('Saved'), '413': json('Body too large'), ...errors },
        },
      },
      '/api/v1/checklist': {
        get: {
          summary:
            'The checklist that applies to a unit (?org=, default: the scope’s top unit): { org, setBy (the unit that set it, or null: the default), config, items: [{ key, label, min, max, rule, words }] }',
          parameters: [{ name: 'org', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': json('Checklist'), ...errors },
        },
        put: {
          summary:
            'Admin: a unit’s own checklist, refused with 400 and the reason in Chinese when invalid (targets of default items, items switched off, items added with command words, a counting rule and a target); units below inherit it unless they set theirs; config null: inherit again',
          requestBody: jsonBody(checklistBody),
          responses: { '200': json('Saved'), '413': json('Body too large'), ...errors },
        },
      },
      '/api/v1/orgs': { get: { summary: 'Units in scope', responses: { '200': json('Units'), ...errors } } },
      '/api/v1/groups': { get: { summary: 'Bound groups in scope', responses: { '200': json('Groups'), ...errors } } },
      '/api/v1/notices': {
        get: { summary: 'Recent notices with acknowledgements', responses: { '200': json('Notices'), ...errors } },
      },
      '/api/v1/needs': {
        get: {
          summary: 'The needs ledger',
          parameters: [{ name: 'status', in: 'query', schema: { enum: ['open', 'resolved'] } }],
          responses: { '200': json('Needs'), ...errors },
        },
      },
      '/api/v1/members/import': {
        post: {
          summary:
            'Admin: roster import, CSV or XLSX with headers 姓名, 角色, 单位, 上级单位, 微信号[, 原单位] (all or nothing; rows in any order: a unit takes its parent from its own row). ?preview=1: what it would do (preview.newUnits, preview.newPeople, changes, rejected) and its plan name, nothing written; ?confirm=1[&plan=…]: write changes to people and units already there, refused with 409 (stale) if the plan is no longer the one named. Up to 1,000 rows are written within the request (200); a larger confirmed file answers 202 at once with its job (job.id, percent, rowsDone), written in batches and resumed after a restart. While a roster job is unfinished, a confirmation is 409 (busy: its percent) and a preview says so (busy)',
          parameters: [
            { name: 'preview', in: 'query', required: false, schema: { enum: ['0', '1'] } },
            { name: 'confirm', in: 'query', required: false, schema: { enum: ['0', '1'] } },
            { name: 'plan', in: 'query', required: false, schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
          ],
          requestBody: {
            content: {
              'text/csv': {},
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
              'multipart/form-data': {},
            },
          },
          responses: {
            '200': json('Imported, or the preview'),
            '202': json('Confirmed and being written as a job: follow it at /api/v1/members/import/jobs/{id}'),
            '409': json(
              'Changes roles, moves people or re-parents units (or the plan changed, or another import is being written): nothing written',
            ),
            '400': json(
              'Rejected rows, nothing imported; or a file refused whole (line 0): unreadable, over 60,000 rows, or a workbook over 40 MB unpacked, 1,000 parts or 50 sheets',
            ),
            '413': json('Too large'),
          },
        },
      },
      '/api/v1/representatives/import': {
        post: {
          summary:
            'Admin: the women representatives list, CSV or XLSX with headers 姓名, 单位 (all or nothing); ?preview=1: per unit, names and how many are new, nothing written',
          parameters: [{ name: 'preview', in: 'query', required: false, schema: { enum: ['0', '1'] } }],
          responses: { ...errors, '200': json('Imported, or the preview'), '400': json('Rejected rows') },
        },
      },
      '/api/v1/members/import/jobs': {
        get: {
          summary: "Admin: her units' latest roster import jobs, newest first (at most 5)",
          responses: { '200': json('Jobs'), ...errors },
        },
      },
      '/api/v1/members/import/jobs/{id}': {
        get: {
          summary:
            'Admin: how far a roster import job is: status (running, done, stopped), rows, rowsDone, percent, bound, taken (lines whose WeChat id someone else took meanwhile), error (why the last attempt failed; it is tried again)',
          responses: { '200': json('Job'), ...errors },
        },
      },
      '/api/v1/members': {
        get: {
          summary:
            'Admin: members of a unit in scope (?org=, default: the whole scope; ?unbound=1), each with role, wechatBound and lastMessageAt (when she last wrote to the bot, stamped at most hourly; null: unknown)',
          responses: { '200': json('Members'), ...errors },
        },
      },
      '/api/v1/members/{id}/bind-code': {
        post: {
          summary: 'Admin: a one-time binding code for her, shown once',
          responses: { '201': json('Code'), ...errors },
        },
      },
      '/api/v1/members/{id}/wechat': {
        delete: { summary: 'Admin: take her WeChat ids off', responses: { '200': json('Unbound'), ...errors } },
      },
      '/api/v1/members/{id}/move': {
        post: {
          summary: 'Admin: move her to another unit in scope (409: someone of her name is there)',
          requestBody: jsonBody(moveBody),
          responses: { '200': json('Moved'), '409': json('Namesake there'), ...errors },
        },
      },
      '/api/v1/tokens': {
        get: {
          summary: 'Admin: tokens of chairs and admins in your subtree (a reference, never the token)',
          responses: { '200': json('Tokens'), ...errors },
        },
        post: {
          summary: 'Admin: issue a token for a role and a unit of your subtree',
          requestBody: jsonBody(tokenBody),
          responses: {
            '201': json('The token, shown once, and its reference'),
            '413': json('Body too large'),
            ...errors,
          },
        },
      },
      '/api/v1/tokens/{ref}': {
        delete: {
          summary: 'Admin: revoke a token of your subtree (not the one you use, not ADMIN_TOKEN)',
          parameters: [
            { name: 'ref', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
          ],
          responses: { '200': json('Revoked'), '404': json('No such token in your scope'), ...errors },
        },
      },
      '/api/v1/audit': {
        get: {
          summary:
            'Admin: who read, exported or changed records of your subtree; each entry’s label names its action in Chinese',
          responses: { '200': json('Entries'), ...errors },
        },
      },
      '/api/v1/misreads': {
        get: {
          summary:
            'Admin: messages the bot did not understand in your subtree (?org=), masked, with how it read them (kept 60 days; for the next corpus)',
          responses: { '200': json('Misread messages'), ...errors },
        },
      },
      '/metrics': {
        get: { security: [], summary: 'Prometheus metrics', responses: { '200': { description: 'Text' } } },
      },
    },
  }
}
