import { Router } from './composer'
import { adminOnly, claimFirst, inGroup, notInConstituentGroup, recorder, registered, role } from './guards'
import { whereAndWho } from './where-and-who'
import { handleDuty } from './duty-handler'
import { handleDiary } from './diary-handler'
import { handleNeed, handleResolveNeed } from './needs-handler'
import { handleUndo } from './undo-handler'
import { handleProgress } from './progress-handler'
import { handleSummary } from './summary-handler'
import { handleNotice, handleAck, handleReceipts } from './notice-handler'
import { handleBind } from './bind-handler'
import { handleSetting, handleRotation } from './settings-handler'
import { handleHelp } from './help-handler'
import { handleChat, handleMedia, handleMissingHash, handleParseError } from './fallback-handlers'

/**
 * Every intent and who may ask for it. A record route's insert is its claim; a route that writes
 * anything else first says `claimFirst`; a read-only route is claimed when it answers.
 */
export function createRoutes(): Router {
  return new Router()
    .use(whereAndWho)
    .on('duty', recorder, handleDuty)
    .on('diary', recorder, handleDiary)
    .on('need', recorder, handleNeed)
    .on('resolveNeed', registered, notInConstituentGroup, handleResolveNeed)
    .on('undo', recorder, handleUndo)
    .on('progress', recorder, handleProgress)
    .on('summary', registered, notInConstituentGroup, handleSummary)
    .on('notice', adminOnly, claimFirst, handleNotice)
    .on('ack', handleAck)
    .on('receipts', adminOnly, handleReceipts)
    .on('rotation', adminOnly, claimFirst, handleRotation)
    .on('setting', adminOnly, claimFirst, handleSetting)
    .on('bind', inGroup, role('admin'), claimFirst, handleBind)
    .on('help', handleHelp)
    .on('parseError', handleParseError)
    .on('missingHash', handleMissingHash)
    .on('chat', handleChat)
    .on('media', handleMedia)
}
