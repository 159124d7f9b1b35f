import type { HandlerContext } from './handler-context'
import type { Command } from '../src/parser/command-types'
import { handleDuty } from './duty-handler'
import { handleProgress } from './progress-handler'
import { handleDiary } from './diary-handler'
import { handleNeed, handleResolveNeed } from './needs-handler'
import { handleUndo } from './undo-handler'
import { handleBind } from './bind-handler'
import { handleHelp } from './help-handler'
import { handleNotice, handleAck, handleReceipts } from './notice-handler'
import { handleSummary } from './summary-handler'
import { handleSetting, handleRotation } from './settings-handler'

/** One command, one handler. */
export async function dispatchCommand(ctx: HandlerContext, cmd: Command): Promise<void> {
  switch (cmd.type) {
    case 'duty':
      return handleDuty(ctx, cmd)
    case 'progress':
      return handleProgress(ctx, cmd)
    case 'diary':
      return handleDiary(ctx, cmd)
    case 'need':
      return handleNeed(ctx, cmd)
    case 'resolveNeed':
      return handleResolveNeed(ctx, cmd)
    case 'undo':
      return handleUndo(ctx)
    case 'bind':
      return handleBind(ctx, cmd)
    case 'help':
      return handleHelp(ctx, cmd)
    case 'summary':
      return handleSummary(ctx, cmd)
    case 'notice':
      return handleNotice(ctx, cmd)
    case 'ack':
      return handleAck(ctx)
    case 'receipts':
      return handleReceipts(ctx, cmd)
    case 'rotation':
      return handleRotation(ctx, cmd)
    case 'setting':
      return handleSetting(ctx, cmd)
    default: {
      const unhandled: never = cmd
      throw new Error(`no handler for ${JSON.stringify(unhandled)}`)
    }
  }
}
