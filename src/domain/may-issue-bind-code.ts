import type { Member } from './entities'

/**
 * Who may give whom a one-time binding code. A code makes any WeChat that sends it the member, so a
 * code for an admin or a chair (who sees and sends for her whole unit) comes only from an admin of a
 * unit above hers: never from a peer in the same unit, who would otherwise make her own second WeChat
 * her fellow admin (ID-09). `issuerOrgId` null: the federation's root token, above every unit. The
 * member is already known to lie within the issuer's units.
 */
export function mayIssueBindCode(issuerOrgId: string | null, member: Pick<Member, 'role' | 'orgId'>): boolean {
  if (member.role === 'executive' || issuerOrgId === null) return true
  return member.orgId !== issuerOrgId
}
