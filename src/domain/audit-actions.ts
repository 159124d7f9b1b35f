/**
 * Every action the audit trail records, with the words an admin reads on the dashboard: the one place
 * they are named. The audit repository accepts no other action, so a new one fails type-checking until
 * it has its Chinese label here.
 */
export const AUDIT_ACTIONS = {
  'read progress': '查看履职明细',
  'export review': '导出述职考核表',
  'export duty reports': '下载述职报告',
  'read needs': '查看妇女需求台账',
  'preview roster': '预览执委名单导入',
  'import roster': '导入执委名单',
  'preview representatives': '预览妇女代表名单导入',
  'import representatives': '导入妇女代表名单',
  'list members': '查看成员名单',
  'issue bind code': '发绑定码',
  'bind member': '绑定微信',
  'unbind member': '解除微信绑定',
  'move member': '调动成员单位',
  'issue token': '签发令牌',
  'revoke token': '吊销令牌',
  'set review rule': '修改考核标准',
  'set counting': '修改统计口径',
  'set checklist': '修改履职清单',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The Chinese label of an action; an action recorded by an older version shows as it was stored. */
export function auditLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as AuditAction] : action
}
