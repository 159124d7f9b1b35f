import type { Job } from './job'
import { purgeExpired } from '../src/services/purge-expired'

/**
 * Deletes working rows past their periods (src/domain/retention), once a day at night. A cleanup job and
 * not TTL indexes: FerretDB 1.x refuses `expireAfterSeconds` ("not implemented yet"), and one mechanism
 * that works on every server is simpler than two. With nothing due it only reads.
 */
export const retentionCleanupJob: Job = {
  name: 'retention-cleanup',
  poll: '40 3 * * *',
  async run(ctx) {
    const purged = await purgeExpired(ctx.repos, ctx.now, ctx.auditRetentionDays)
    if (Object.values(purged).some((n) => n > 0)) ctx.log.info('expired rows deleted', purged)
    return 0
  },
}
