import { Router, type IntentContext } from './core/composer'
import {
  adminOnly,
  claimFirst,
  groupInScope,
  inGroup,
  notInConstituentGroup,
  recorder,
  registered,
  role,
} from './core/guards'
import { whereAndWho } from './core/where-and-who'
import { addedItemCommands, handleAddedItem } from './added-item-handler'
import { handleDuty } from './duty-handler'
import { handleDiary } from './diary-handler'
import { handleNeed } from './need-handler'
import { handleResolveNeed } from './resolve-need-handler'
import { handleClaimNeed } from './claim-need-handler'
import {
  constituentsServed,
  handleConstituentHint,
  handleConstituentRequest,
  handleGroupAsk,
} from './constituent-handler'
import { constituent } from './core/guards'
import { handleUndo } from './undo-handler'
import { handleProgress } from './progress-handler'
import { handleDutyReport } from './duty-report-handler'
import { handleRecords } from './records-handler'
import { handleCorrect } from './correct-handler'
import { handleSummary } from './summary-handler'
import { handleChecklist } from './checklist-handler'
import { handleNotice } from './notice-handler'
import { handleAck } from './ack-handler'
import { handleReceipts } from './receipts-handler'
import { handleBind } from './bind-handler'
import { handleSetting } from './settings-handler'
import { handleRotation } from './rotation-handler'
import { handleHelp } from './help-handler'
import { handleIAm } from './identity-handler'
import { handleUnbound } from './unbound-handler'
import { handleBindCode } from './bind-code-handler'
import { handleUnbind } from './unbind-handler'
import { handleSentence } from './sentence-handler'
import { handleGroupReport } from './group-report-handler'
import { handleAutoRecord } from './auto-record-handler'
import { handleAnswer } from './answer-handler'
import { handlePick } from './pick-handler'
import { handleRedate } from './redate-handler'
import { handleUnknownCommand } from './typo-handler'
import { handleMedia, handleParseError, handleUnheard } from './fallback-handlers'
import { AlreadyHandled, UserError } from './core/user-error'

/**
 * Every intent and who may ask for it. A record route's insert is its claim; a route that writes
 * anything else first says `claimFirst`; a read-only route is claimed when it answers.
 */
export function createRoutes(): Router {
  const router: Router = new Router()
    .use(
      whereAndWho,
      constituentsServed(() => router),
      addedItemCommands(() => router),
    )
    .on('duty', recorder, handleDuty)
    .on('diary', recorder, handleDiary)
    .on('need', recorder, handleNeed)
    .on('resolveNeed', registered, notInConstituentGroup, handleResolveNeed)
    .on('claimNeed', recorder, handleClaimNeed)
    .on('constituentRequest', constituent, handleConstituentRequest)
    .on('constituentHint', constituent, handleConstituentHint)
    .on('undo', recorder, handleUndo)
    .on('progress', recorder, handleProgress)
    .on('dutyReport', recorder, handleDutyReport)
    .on('records', recorder, handleRecords)
    .on('correct', recorder, handleCorrect)
    .on('summary', registered, notInConstituentGroup, handleSummary)
    .on('checklist', registered, handleChecklist)
    .on('notice', adminOnly, claimFirst, handleNotice)
    .on('ack', handleAck)
    .on('receipts', adminOnly, groupInScope, handleReceipts)
    .on('rotation', adminOnly, notInConstituentGroup, groupInScope, claimFirst, handleRotation)
    .on('setting', adminOnly, groupInScope, claimFirst, handleSetting)
    .on('autoRecord', registered, notInConstituentGroup, claimFirst, handleAutoRecord)
    .on('bind', inGroup, role('admin'), claimFirst, handleBind)
    .on('unbound', adminOnly, notInConstituentGroup, groupInScope, handleUnbound)
    .on('bindCode', adminOnly, handleBindCode)
    .on('unbind', adminOnly, notInConstituentGroup, handleUnbind)
    .on('iAm', handleIAm)
    .on('help', handleHelp)
    .on('sentence', recorder, handleSentence)
    // No guard that answers: a group message nobody addressed to the bot is never answered in the group.
    .on('groupReport', handleGroupReport)
    .on('groupAsk', handleGroupAsk)
    .on('answer', handleAnswer)
    .on('pick', handlePick)
    .on('redate', recorder, handleRedate)
    .on('unknownCommand', handleUnknownCommand)
    .on('addedItem', recorder, handleAddedItem)
    .on('batch', (ctx: IntentContext<'batch'>) => runBatch(router, ctx))
    .on('parseError', handleParseError)
    .on('unheard', handleUnheard)
    .on('media', handleMedia)
  return router
}

/** Several command lines: each through its own route, one answer for all. */
async function runBatch(router: Router, ctx: IntentContext<'batch'>): Promise<void> {
  const lines: string[] = []
  for (const [i, command] of ctx.intent.commands.entries()) {
    try {
      await router.route(ctx.child(command, i + 1, lines))
    } catch (err) {
      if (err instanceof AlreadyHandled || !(err instanceof UserError)) throw err
      lines.push(err.userMessage)
    }
  }
  await ctx.reply(lines.join('\n\n'))
}
