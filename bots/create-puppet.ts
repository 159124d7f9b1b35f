import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetService } from 'wechaty-puppet-service'
import type { impls } from 'wechaty-puppet'
import type { Config } from '../src/config'

export type PuppetChoice =
  | { kind: 'service'; puppet: impls.PuppetInterface }
  | { kind: 'simulator'; puppet: impls.PuppetInterface; mocker: mock.Mocker }

/** Real WeChat through a puppet service when a token is set; otherwise the built-in simulator. */
export function createPuppet(
  config: Pick<Config, 'WECHATY_PUPPET_SERVICE_TOKEN' | 'WECHATY_PUPPET_SERVICE_ENDPOINT'>,
): PuppetChoice {
  if (config.WECHATY_PUPPET_SERVICE_TOKEN) {
    const puppet = new PuppetService({
      token: config.WECHATY_PUPPET_SERVICE_TOKEN,
      endpoint: config.WECHATY_PUPPET_SERVICE_ENDPOINT,
    })
    return { kind: 'service', puppet }
  }
  const mocker = new mock.Mocker()
  return { kind: 'simulator', puppet: new PuppetMock({ mocker }), mocker }
}
